import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const analyticsRoutes: FastifyPluginAsyncTypebox = async () => {};
