import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const exportRoutes: FastifyPluginAsyncTypebox = async () => {};
