import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const messageRoutes: FastifyPluginAsyncTypebox = async () => {};
