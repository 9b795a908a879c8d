// GENERATED from the server's OpenAPI document by `npm run sdk:types` (openapi-typescript).
// Do not edit: change the route schemas in src/ and regenerate; CI fails when this file is stale.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The running version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            version: string;
                            database: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register: a new organization with you as its admin, or join one with an invitation
         * @description With organization_name (and optionally organization_slug): creates an organization and its first user, an admin; refused (403) when ALLOW_REGISTRATION=false. With invite_token (from POST /api/v1/orgs/me/invitations): joins the inviting organization with the invited role; the e-mail must be the invited one, the token works once and for 7 days, and this works even when ALLOW_REGISTRATION=false (invitations are how closed installations add people). An unknown, expired or used token is 400 "invite_token is invalid or expired".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Either organization_name (and optionally organization_slug) to create an organization, or invite_token to join one. */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description Unique across the installation, case-insensitively
                         */
                        email: string;
                        password: string;
                        first_name?: string | null;
                        last_name?: string | null;
                        /** @description Required without invite_token; not allowed with it */
                        organization_name?: string;
                        /**
                         * Format: slug
                         * @description Derived from organization_name when omitted; not allowed with invite_token
                         */
                        organization_slug?: string;
                        /** @description From POST /api/v1/orgs/me/invitations: join that organization with the invited role instead of creating one */
                        invite_token?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            user_id: number;
                            organization: {
                                id: number;
                                name: string;
                                slug: string;
                            };
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; returns a JWT and sets it as the HttpOnly cookie auth_token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            user: {
                                id: number;
                                organization_id: number;
                                email: string;
                                first_name: string | null;
                                last_name: string | null;
                                role: "superadmin" | "admin" | "user" | "viewer";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                last_login_at: string | null;
                            };
                            /** @description JWT (HS256, 24 h); also set as the HttpOnly cookie auth_token */
                            token: string;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the session server-side and clears the cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/apikeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's API keys (admin), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            label: string;
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            last_used_at: string | null;
                            /** Format: date-time */
                            revoked_at: string | null;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for the organization (admin); the key is shown only once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the key is for, e.g. "HR bot production" */
                        label: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            id: number;
                            /** @description The key itself. Shown only in this response: store it now. */
                            key: string;
                            label: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/apikeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin); it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the organization's chats (filters combine with AND; keyset pagination) */
        get: {
            parameters: {
                query?: {
                    /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                    from?: string;
                    /** @description created_at < to (same forms as from) */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    /** @description The end user's id in the bot's system */
                    user_id?: number;
                    session_id?: string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description -created_at (default): newest first; created_at: oldest first */
                    sort?: "-created_at" | "created_at";
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description next_cursor of the previous page (same filters and sort) */
                    cursor?: string;
                    /** @description Also count every chat matching the filters */
                    include_total?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            chats: {
                                id: number;
                                organization_id: number;
                                user_id: number | null;
                                title: string | null;
                                tags: string[];
                                metadata: {
                                    avg_response_time: number | null;
                                    country_code: string | null;
                                    ip_address: string | null;
                                    is_escalated: boolean | null;
                                    is_forwarded_to_hr: boolean | null;
                                    language_code: string | null;
                                    question_category: string | null;
                                    sentiment: string | null;
                                    session_id: string | null;
                                    token_count: number | null;
                                    transcript_link: string | null;
                                    user_rating: number | null;
                                };
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                            /** @description With include_total=true: chats matching the filters */
                            total?: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a chat
         * @description Creates a chat session for the caller's organization, with a dashboard JWT (admin or user) or an organization API key. Every field is optional; what is sent is validated, and a 400 names the field.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Up to 50 tags of 1–64 characters; stored trimmed, lowercased and de-duplicated */
                        tags?: string[] | null;
                        /** @description The end user's id in the bot's own system; null for anonymous chats */
                        user_id?: number | null;
                        /** @description The structured chat metadata: only these twelve fields */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                        /**
                         * Format: date-time
                         * @description When the chat happened, to import history: ISO 8601 with a zone, at most 5 minutes in the future. Default (or null): now
                         */
                        created_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example Chat created successfully */
                            message: string;
                            chat_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a chat (public API, by organization slug)
         * @description Creates a chat session for the caller's organization, with a dashboard JWT (admin or user) or an organization API key. Every field is optional; what is sent is validated, and a 400 names the field. The slug must be the caller's own organization: any other slug, existing or not, is 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Up to 50 tags of 1–64 characters; stored trimmed, lowercased and de-duplicated */
                        tags?: string[] | null;
                        /** @description The end user's id in the bot's own system; null for anonymous chats */
                        user_id?: number | null;
                        /** @description The structured chat metadata: only these twelve fields */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                        /**
                         * Format: date-time
                         * @description When the chat happened, to import history: ISO 8601 with a zone, at most 5 minutes in the future. Default (or null): now
                         */
                        created_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example Chat created successfully */
                            message: string;
                            chat_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create many chats
         * @description Creates up to 1000 chats (body up to 5 MiB) for the caller's organization, with the same authentication as Create Chat. Each item is validated exactly like a Create Chat body; the valid ones are stored in one transaction and the invalid ones are not. 207 with one result per item, in order: {index, status: 201, chat_id}, or {index, status: 400, error, code, field} with the same error a single POST of that item would get.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Up to 1000 Create Chat bodies */
                        chats: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                /** @description Position of the item in `chats` */
                                index: number;
                                /** @description 201 stored; 400 invalid (nothing stored); 500 refused by the database */
                                status: number;
                                chat_id?: number;
                                /** @description Why the item was not stored: the same sentence as a single POST would answer */
                                error?: string;
                                code?: string;
                                field?: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create many chats (public API, by organization slug)
         * @description Creates up to 1000 chats (body up to 5 MiB) for the caller's organization, with the same authentication as Create Chat. Each item is validated exactly like a Create Chat body; the valid ones are stored in one transaction and the invalid ones are not. 207 with one result per item, in order: {index, status: 201, chat_id}, or {index, status: 400, error, code, field} with the same error a single POST of that item would get. Any slug other than the caller's organization is 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Up to 1000 Create Chat bodies */
                        chats: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                /** @description Position of the item in `chats` */
                                index: number;
                                /** @description 201 stored; 400 invalid (nothing stored); 500 refused by the database */
                                status: number;
                                chat_id?: number;
                                /** @description Why the item was not stored: the same sentence as a single POST would answer */
                                error?: string;
                                code?: string;
                                field?: string;
                            }[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one chat (with ?include_messages=true, its transcript too) */
        get: {
            parameters: {
                query?: {
                    /** @description Add the transcript (up to 1,000 messages; page the rest with GET /api/v1/chats/{id}/messages) */
                    include_messages?: boolean;
                };
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            user_id: number | null;
                            title: string | null;
                            tags: string[];
                            metadata: {
                                avg_response_time: number | null;
                                country_code: string | null;
                                ip_address: string | null;
                                is_escalated: boolean | null;
                                is_forwarded_to_hr: boolean | null;
                                language_code: string | null;
                                question_category: string | null;
                                sentiment: string | null;
                                session_id: string | null;
                                token_count: number | null;
                                transcript_link: string | null;
                                user_rating: number | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            messages?: {
                                id: number;
                                chat_id: number;
                                /** @enum {string} */
                                role: "user" | "assistant" | "system";
                                content: string;
                                metadata: {
                                    token_count: number | null;
                                    response_time: number | null;
                                };
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description Cursor for GET /api/v1/chats/{id}/messages when the transcript goes on */
                            messages_next_cursor?: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a chat and its messages (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a chat
         * @description Title; tags (replace) or add_tags / remove_tags; metadata merged field by field (null clears a field). Same validation as Create Chat. Answers the updated chat.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Replaces every tag (null or [] removes them all) */
                        tags?: string[] | null;
                        /** @description Tags to add (kept in order, no duplicates) */
                        add_tags?: string[];
                        /** @description Tags to remove */
                        remove_tags?: string[];
                        user_id?: number | null;
                        /** @description Merged field by field: fields not sent keep their value, null clears a field; metadata: null clears them all */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            user_id: number | null;
                            title: string | null;
                            tags: string[];
                            metadata: {
                                avg_response_time: number | null;
                                country_code: string | null;
                                ip_address: string | null;
                                is_escalated: boolean | null;
                                is_forwarded_to_hr: boolean | null;
                                language_code: string | null;
                                question_category: string | null;
                                sentiment: string | null;
                                session_id: string | null;
                                token_count: number | null;
                                transcript_link: string | null;
                                user_rating: number | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a chat (public API, by organization slug)
         * @description Title; tags (replace) or add_tags / remove_tags; metadata merged field by field (null clears a field). Same validation as Create Chat. Answers the updated chat. Any slug other than the caller's organization is 403.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description Replaces every tag (null or [] removes them all) */
                        tags?: string[] | null;
                        /** @description Tags to add (kept in order, no duplicates) */
                        add_tags?: string[];
                        /** @description Tags to remove */
                        remove_tags?: string[];
                        user_id?: number | null;
                        /** @description Merged field by field: fields not sent keep their value, null clears a field; metadata: null clears them all */
                        metadata?: {
                            /** @description Average response time, in seconds (at most 1,000,000,000) */
                            avg_response_time?: number | null;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase
                             */
                            country_code?: string | null;
                            /**
                             * Format: ip
                             * @description IPv4 or IPv6 address of the end user
                             */
                            ip_address?: string | null;
                            /** @description Whether the bot escalated the conversation */
                            is_escalated?: boolean | null;
                            /** @description Whether the conversation was handed over to HR */
                            is_forwarded_to_hr?: boolean | null;
                            /**
                             * Format: iso639
                             * @description ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase
                             */
                            language_code?: string | null;
                            question_category?: string | null;
                            /** @description Stored lowercase */
                            sentiment?: string | null;
                            session_id?: string | null;
                            /** @description Total tokens for the chat session */
                            token_count?: number | null;
                            /**
                             * Format: http-url
                             * @description Absolute http(s) URL
                             */
                            transcript_link?: string | null;
                            /** @description The end user's rating, 1–5 */
                            user_rating?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            user_id: number | null;
                            title: string | null;
                            tags: string[];
                            metadata: {
                                avg_response_time: number | null;
                                country_code: string | null;
                                ip_address: string | null;
                                is_escalated: boolean | null;
                                is_forwarded_to_hr: boolean | null;
                                language_code: string | null;
                                question_category: string | null;
                                sentiment: string | null;
                                session_id: string | null;
                                token_count: number | null;
                                transcript_link: string | null;
                                user_rating: number | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's tags with the number of chats carrying each, most used first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tag: string;
                            chat_count: number;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A chat's transcript, oldest first (keyset pagination) */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–1000 */
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                id: number;
                                chat_id: number;
                                /** @enum {string} */
                                role: "user" | "assistant" | "system";
                                content: string;
                                metadata: {
                                    token_count: number | null;
                                    response_time: number | null;
                                };
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a message to a chat
         * @description Adds a message to the transcript of a chat of the caller's organization. role: user, assistant or system; content: 1–100,000 characters; metadata.token_count ≥ 0; metadata.response_time ≥ 0 (milliseconds). An unknown chat, or another organization's, is 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "user" | "assistant" | "system";
                        /** @description The message text, 1–100,000 characters */
                        content: string;
                        metadata?: {
                            /** @description Tokens of this message */
                            token_count?: number | null;
                            /** @description Time taken to answer, in milliseconds (at most 10^12) */
                            response_time?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            message_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{slug}/chats/{chatID}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a message to a chat (public API, by organization slug)
         * @description Adds a message to the transcript of a chat of the caller's organization. role: user, assistant or system; content: 1–100,000 characters; metadata.token_count ≥ 0; metadata.response_time ≥ 0 (milliseconds). An unknown chat, or another organization's, is 404. Any slug other than the caller's organization is 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; while the first request is still being written, 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    slug: string;
                    /** @description Numeric id */
                    chatID: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "user" | "assistant" | "system";
                        /** @description The message text, 1–100,000 characters */
                        content: string;
                        metadata?: {
                            /** @description Tokens of this message */
                            token_count?: number | null;
                            /** @description Time taken to answer, in milliseconds (at most 10^12) */
                            response_time?: number | null;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            message_id: number;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the signed-in user's name
         * @description Only the fields sent change; null clears a field. An empty body {} is a 400.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Only the fields sent change. Send at least one. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At most 100 characters; null clears it */
                        first_name?: string | null;
                        /** @description At most 100 characters; null clears it */
                        last_name?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the signed-in user's password; signs out every other session
         * @description Every other session of the user is revoked at once; the session making this call keeps working. A wrong current_password is a 401 with code "invalid_current_password" and field "current_password" (the session itself is still valid).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current_password: string;
                        /** @description 8 to 1024 characters */
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the signed-in user's organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description Used in /api/v1/orgs/{slug}/... URLs; never changes */
                            slug: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the organization (admin); the slug does not change */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 200 characters, stored trimmed; the slug does not change */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description Used in /api/v1/orgs/{slug}/... URLs; never changes */
                            slug: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/me/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's users, by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a user from the organization (admin); their sessions end at once
         * @description Deletes the user and their sessions. The last admin cannot be removed (409); an admin may remove themself when another admin remains. Another organization's user is 404.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user's role (admin)
         * @description The change applies to the user's next request (roles are read on every request). The last admin of an organization cannot be demoted (409). Another organization's user is 404.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description admin: API keys, members, settings and deletes; user: reads, creates and edits chats; viewer: reads only
                         * @enum {string}
                         */
                        role: "admin" | "user" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            organization_id: number;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            role: "superadmin" | "admin" | "user" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            last_login_at: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orgs/me/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pending invitations (admin): neither accepted nor expired */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            role: string;
                            invited_by: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                        }[];
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite someone to the organization with a role (admin); the token is shown only once
         * @description Returns a one-time invite_token, valid 7 days, that the invitee passes to POST /auth/register together with the invited e-mail. Inviting the same e-mail again replaces the previous invitation. An e-mail that already has an account is 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description Who may accept it; compared case-insensitively
                         */
                        email: string;
                        /**
                         * @description admin: API keys, members, settings and deletes; user: reads, creates and edits chats; viewer: reads only
                         * @enum {string}
                         */
                        role: "admin" | "user" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            id: number;
                            email: string;
                            role: string;
                            /** @description Send it to the invitee, who registers with it at POST /auth/register. Shown only in this response; valid 7 days, once. */
                            invite_token: string;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/me/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invitation (admin); its token stops working at once
         * @description An invitation that was already accepted is 409 (remove the user instead); another organization's is 404.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's exports, newest first (keyset pagination) */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exports: {
                                id: number;
                                /**
                                 * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                                 * @enum {string}
                                 */
                                format: "csv" | "json" | "ndjson";
                                /**
                                 * @description chats, messages (of the matching chats), or all (chats with their messages)
                                 * @enum {string}
                                 */
                                type: "chats" | "messages" | "all";
                                /** @description The filters as they were sent (the names of GET /api/v1/chats) */
                                filters: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                status: "pending" | "processing" | "completed" | "failed";
                                /** @description Records in the file (CSV data rows, JSON array items, NDJSON lines) */
                                row_count: number | null;
                                size_bytes: number | null;
                                /** @description Why the export failed (or why its last attempt failed) */
                                error: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                started_at: string | null;
                                /** Format: date-time */
                                completed_at: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the file is deleted; after it, download is 410
                                 */
                                expires_at: string | null;
                                /** @description Set while the file can be downloaded */
                                download_url: string | null;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Queue an export of chats and/or messages
         * @description format: csv (RFC 4180, UTF-8, header row, CRLF; tags joined with "|"; one column per metadata field; text cells starting with = + - @ tab or CR are prefixed with a single quote against formula injection), json (one array) or ndjson (one object per line). type: chats; messages (the messages of the matching chats, with chat_id); all (JSON/NDJSON: each chat with a messages array; CSV: one row per message with its chat's columns repeated, and one row with empty message columns for a chat without messages). filters: those of GET /api/v1/chats. Chats come oldest first; the export holds the chats created up to the moment it was requested. Answers 202 with the job's id; poll GET /api/v1/exports/{id} until status is completed, then download. At most 3 exports per organization may be pending or in progress (429 beyond). Files are kept 7 days.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                         * @enum {string}
                         */
                        format: "csv" | "json" | "ndjson";
                        /**
                         * @description chats, messages (of the matching chats), or all (chats with their messages)
                         * @enum {string}
                         */
                        type: "chats" | "messages" | "all";
                        /** @description The filters of GET /api/v1/chats */
                        filters?: {
                            /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                            from?: string;
                            /** @description created_at < to (same forms as from) */
                            to?: string;
                            /** @description Comma-separated tags (compared in their stored, lowercase form) */
                            tags?: string | string[];
                            /**
                             * @description all (default): chats with every tag; any: with at least one
                             * @enum {string}
                             */
                            tags_mode?: "all" | "any";
                            /** @description Exact question category; a comma-separated list matches any of the values */
                            question_category?: string | string[];
                            /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                            sentiment?: string | string[];
                            /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                            country_code?: string | string[];
                            /** @description ISO 639 language code; a comma-separated list matches any of the values */
                            language_code?: string | string[];
                            is_escalated?: boolean;
                            is_forwarded_to_hr?: boolean;
                            /** @description The end user's id in the bot's system */
                            user_id?: number;
                            session_id?: string;
                            rating_min?: number;
                            rating_max?: number;
                            /** @description true: only rated chats; false: only unrated */
                            has_rating?: boolean;
                            /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                            q?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            export_id: number;
                            /** @enum {string} */
                            status: "pending";
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export now: the file is streamed back in the response
         * @description format: csv (RFC 4180, UTF-8, header row, CRLF; tags joined with "|"; one column per metadata field; text cells starting with = + - @ tab or CR are prefixed with a single quote against formula injection), json (one array) or ndjson (one object per line). type: chats; messages (the messages of the matching chats, with chat_id); all (JSON/NDJSON: each chat with a messages array; CSV: one row per message with its chat's columns repeated, and one row with empty message columns for a chat without messages). filters: those of GET /api/v1/chats. Chats come oldest first; the export holds the chats created up to the moment it was requested. No row limit; the server reads the data in batches as the client reads the answer. At most 4 synchronous exports run at once on one server (429 beyond). A failure after the first bytes cuts the response off (no complete file is ever pretended).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                         * @enum {string}
                         */
                        format: "csv" | "json" | "ndjson";
                        /**
                         * @description chats, messages (of the matching chats), or all (chats with their messages)
                         * @enum {string}
                         */
                        type: "chats" | "messages" | "all";
                        /** @description The filters of GET /api/v1/chats */
                        filters?: {
                            /** @description created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC) */
                            from?: string;
                            /** @description created_at < to (same forms as from) */
                            to?: string;
                            /** @description Comma-separated tags (compared in their stored, lowercase form) */
                            tags?: string | string[];
                            /**
                             * @description all (default): chats with every tag; any: with at least one
                             * @enum {string}
                             */
                            tags_mode?: "all" | "any";
                            /** @description Exact question category; a comma-separated list matches any of the values */
                            question_category?: string | string[];
                            /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                            sentiment?: string | string[];
                            /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                            country_code?: string | string[];
                            /** @description ISO 639 language code; a comma-separated list matches any of the values */
                            language_code?: string | string[];
                            is_escalated?: boolean;
                            is_forwarded_to_hr?: boolean;
                            /** @description The end user's id in the bot's system */
                            user_id?: number;
                            session_id?: string;
                            rating_min?: number;
                            rating_max?: number;
                            /** @description true: only rated chats; false: only unrated */
                            has_rating?: boolean;
                            /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                            q?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The export file, streamed (Content-Disposition: attachment) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/json": string;
                        "application/x-ndjson": string;
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One export job; download_url is set once the file is ready (until it expires) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /**
                             * @description csv (RFC 4180, UTF-8, header row), json (one array) or ndjson (one object per line)
                             * @enum {string}
                             */
                            format: "csv" | "json" | "ndjson";
                            /**
                             * @description chats, messages (of the matching chats), or all (chats with their messages)
                             * @enum {string}
                             */
                            type: "chats" | "messages" | "all";
                            /** @description The filters as they were sent (the names of GET /api/v1/chats) */
                            filters: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "pending" | "processing" | "completed" | "failed";
                            /** @description Records in the file (CSV data rows, JSON array items, NDJSON lines) */
                            row_count: number | null;
                            size_bytes: number | null;
                            /** @description Why the export failed (or why its last attempt failed) */
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            started_at: string | null;
                            /** Format: date-time */
                            completed_at: string | null;
                            /**
                             * Format: date-time
                             * @description When the file is deleted; after it, download is 410
                             */
                            expires_at: string | null;
                            /** @description Set while the file can be downloaded */
                            download_url: string | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a completed export's file
         * @description 409 while the export is pending, processing or failed; 410 once it has expired (7 days).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Numeric id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export file, streamed (Content-Disposition: attachment) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/json": string;
                        "application/x-ndjson": string;
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Key metrics for a range and for the previous range of equal length
         * @description Metrics: chats, end_users, messages, escalation_rate, hr_forwarding_rate, avg_response_time, p50_response_time, p90_response_time, avg_rating, rated_chats, csat, total_tokens, avg_tokens. Takes from, to (default: the last 30 days), tz and every filter of GET /api/v1/chats. Rates, CSAT and averages are over the chats that sent the field (a chat that never said whether it escalated is not a "no"); rates and CSAT are fractions 0–1. A metric with no data is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: 30 days before to */
                    from?: string;
                    /** @description End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    /** @description The end user's id in the bot's system */
                    user_id?: number;
                    session_id?: string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC */
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            previous_from: string;
                            previous_to: string;
                            metrics: {
                                /** @description Number of chats. change = (value − previous) / previous, null when previous is 0 or null */
                                chats: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Distinct end users (user_id) among the chats; anonymous chats are not counted. change = (value − previous) / previous, null when previous is 0 or null */
                                end_users: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Messages in the transcripts of these chats. change = (value − previous) / previous, null when previous is 0 or null */
                                messages: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no". change = (value − previous) / previous, null when previous is 0 or null */
                                escalation_rate: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr. change = (value − previous) / previous, null when previous is 0 or null */
                                hr_forwarding_rate: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Mean of avg_response_time (seconds) over the chats that sent it. change = (value − previous) / previous, null when previous is 0 or null */
                                avg_response_time: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Median of avg_response_time (seconds), interpolated (percentile_cont). change = (value − previous) / previous, null when previous is 0 or null */
                                p50_response_time: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description 90th percentile of avg_response_time (seconds), interpolated (percentile_cont). change = (value − previous) / previous, null when previous is 0 or null */
                                p90_response_time: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Mean user_rating (1–5) over the rated chats. change = (value − previous) / previous, null when previous is 0 or null */
                                avg_rating: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Number of chats with a user_rating. change = (value − previous) / previous, null when previous is 0 or null */
                                rated_chats: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Share (0–1) of rated chats rated 4 or 5. change = (value − previous) / previous, null when previous is 0 or null */
                                csat: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Sum of token_count over the chats that sent it (null when none did). change = (value − previous) / previous, null when previous is 0 or null */
                                total_tokens: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                                /** @description Mean token_count per chat, over the chats that sent it. change = (value − previous) / previous, null when previous is 0 or null */
                                avg_tokens: {
                                    value: number | null;
                                    previous: number | null;
                                    change: number | null;
                                };
                            };
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics per time bucket, gap-filled
         * @description Buckets of an hour, day, week (from Monday) or month in the zone tz; a bucket without chats is present with zeros and nulls. Takes from, to (default: the last 30 days), tz and every filter of GET /api/v1/chats. Rates, CSAT and averages are over the chats that sent the field (a chat that never said whether it escalated is not a "no"); rates and CSAT are fractions 0–1. A metric with no data is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: 30 days before to */
                    from?: string;
                    /** @description End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    /** @description The end user's id in the bot's system */
                    user_id?: number;
                    session_id?: string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC */
                    tz?: string;
                    /** @description Comma-separated metrics (default: chats,escalation_rate,hr_forwarding_rate). chats: Number of chats; end_users: Distinct end users (user_id) among the chats; anonymous chats are not counted; messages: Messages in the transcripts of these chats; escalation_rate: Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no"; hr_forwarding_rate: Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr; avg_response_time: Mean of avg_response_time (seconds) over the chats that sent it; p50_response_time: Median of avg_response_time (seconds), interpolated (percentile_cont); p90_response_time: 90th percentile of avg_response_time (seconds), interpolated (percentile_cont); avg_rating: Mean user_rating (1–5) over the rated chats; rated_chats: Number of chats with a user_rating; csat: Share (0–1) of rated chats rated 4 or 5; total_tokens: Sum of token_count over the chats that sent it (null when none did); avg_tokens: Mean token_count per chat, over the chats that sent it */
                    metrics?: string;
                    /** @description Bucket size (default: day); weeks start on Monday */
                    interval?: "hour" | "day" | "week" | "month";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            interval: string;
                            tz: string;
                            buckets: ({
                                /** @description Bucket start, ISO 8601 with the zone's offset */
                                start: string;
                            } & {
                                [key: string]: number | null;
                            })[];
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics per value of a field: the top groups, the rest as other, and unknown
         * @description Groups are ordered by chats, descending. A chat counts once for each of its tags when by=tag. Takes from, to (default: the last 30 days), tz and every filter of GET /api/v1/chats. Rates, CSAT and averages are over the chats that sent the field (a chat that never said whether it escalated is not a "no"); rates and CSAT are fractions 0–1. A metric with no data is null.
         */
        get: {
            parameters: {
                query: {
                    /** @description Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: 30 days before to */
                    from?: string;
                    /** @description End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now */
                    to?: string;
                    /** @description Comma-separated tags (compared in their stored, lowercase form) */
                    tags?: string;
                    /** @description all (default): chats with every tag; any: with at least one */
                    tags_mode?: "all" | "any";
                    /** @description Exact question category; a comma-separated list matches any of the values */
                    question_category?: string;
                    /** @description Sentiment (case-insensitive); a comma-separated list matches any of the values */
                    sentiment?: string;
                    /** @description ISO 3166-1 alpha-2 country code; a comma-separated list matches any of the values */
                    country_code?: string;
                    /** @description ISO 639 language code; a comma-separated list matches any of the values */
                    language_code?: string;
                    is_escalated?: boolean;
                    is_forwarded_to_hr?: boolean;
                    /** @description The end user's id in the bot's system */
                    user_id?: number;
                    session_id?: string;
                    rating_min?: number;
                    rating_max?: number;
                    /** @description true: only rated chats; false: only unrated */
                    has_rating?: boolean;
                    /** @description Text in the title or in any message (substring, case-insensitive, any language) */
                    q?: string;
                    /** @description IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC */
                    tz?: string;
                    /** @description The field to group chats by (tag: a chat counts once for each of its tags) */
                    by: "question_category" | "sentiment" | "country_code" | "language_code" | "tag" | "user_rating" | "is_escalated" | "is_forwarded_to_hr";
                    /** @description Comma-separated metrics (default: chats,escalation_rate,hr_forwarding_rate,avg_rating,csat). chats: Number of chats; end_users: Distinct end users (user_id) among the chats; anonymous chats are not counted; messages: Messages in the transcripts of these chats; escalation_rate: Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no"; hr_forwarding_rate: Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr; avg_response_time: Mean of avg_response_time (seconds) over the chats that sent it; p50_response_time: Median of avg_response_time (seconds), interpolated (percentile_cont); p90_response_time: 90th percentile of avg_response_time (seconds), interpolated (percentile_cont); avg_rating: Mean user_rating (1–5) over the rated chats; rated_chats: Number of chats with a user_rating; csat: Share (0–1) of rated chats rated 4 or 5; total_tokens: Sum of token_count over the chats that sent it (null when none did); avg_tokens: Mean token_count per chat, over the chats that sent it */
                    metrics?: string;
                    /** @description How many top groups; the rest are summed as other */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by: string;
                            /** @description The top groups, by chats (descending) */
                            groups: ({
                                key: string | number | boolean;
                            } & {
                                [key: string]: number | null;
                            })[];
                            /** @description The other groups summed, or null */
                            other: {
                                [key: string]: number | null;
                            } | null;
                            /** @description Chats that did not send the field (tag: chats without tags), or null */
                            unknown: {
                                [key: string]: number | null;
                            } | null;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages in a date range, in total and by role */
        get: {
            parameters: {
                query?: {
                    /** @description From (inclusive): ISO 8601 with a zone, or a date. Default: 30 days before end */
                    start?: string;
                    /** @description Until (exclusive): ISO 8601 with a zone, or a date. Default: now */
                    end?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total_messages: number;
                            by_role: {
                                user: number;
                                assistant: number;
                                system: number;
                            };
                            date_range: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
                /** @description Every error: a JSON object of strings with an `error` sentence */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            code: string;
                            field?: string;
                        } & {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
