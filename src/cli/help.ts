export const DATABASE_HELP = `Database: the same configuration as the server, from the environment: DATA_DIR (the embedded
database, default ./data) or DATABASE_URL with JWT_SECRET (PostgreSQL). With the embedded
database the server must be stopped first: the command refuses to run while a server (or another
command) holds DATA_DIR. With DATABASE_URL it runs alongside running servers.`;

export const EXIT_HELP = 'Exit status: 0 done, 1 failed (the reason is printed), 2 usage error.';
