// Errors Node's HTTP parser raises before there is a request to route (headers too large, a client
// too slow to send its request, bytes that are not HTTP): answered in the error model, then the
// connection is closed.
import http from 'node:http';
import type { Socket } from 'node:net';

export function clientErrorAnswer(code: string | undefined, maxHeaderSize: number): { status: number; body: { error: string; code: string } } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, body: { error: `Request headers are larger than the ${Math.round(maxHeaderSize / 1024)} KiB limit`, code: 'headers_too_large' } };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, body: { error: 'The request took too long to arrive', code: 'request_timeout' } };
  }
  return { status: 400, body: { error: 'Malformed HTTP request', code: 'invalid_request' } };
}

export function clientErrorHandler(maxHeaderSize: number) {
  return (err: Error & { code?: string }, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, body } = clientErrorAnswer(err.code, maxHeaderSize);
    const json = JSON.stringify(body);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
      );
    }
    socket.destroy();
  };
}
