// email-regex-safe ships no types; this is the part of its API that src/redaction uses.
declare module 'email-regex-safe' {
  interface Options {
    exact?: boolean;
    strict?: boolean;
    gmail?: boolean;
    utf8?: boolean;
    localhost?: boolean;
    ipv4?: boolean;
    tlds?: string[];
  }
  export default function emailRegexSafe(options?: Options): RegExp;
}
