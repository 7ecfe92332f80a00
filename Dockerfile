# One image for every service; docker-compose.yml picks the command (intake, review or worker).
# TypeScript runs through tsx, as in development: there is no build step.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production \
    BLOB_DIR=/data/blobs \
    PORT=3000

# The name and street gazetteers (frogdata, GPL-3+, read at run time and never copied) and the Dutch
# word list (wdutch): without them the detector runs on its builtin lists and warns at start.
RUN apt-get update \
 && apt-get install -y --no-install-recommends frogdata wdutch \
 && rm -rf /var/lib/apt/lists/*

# Workspaces need every package.json in place before `npm ci`; copying the sources is simplest
# (node_modules, data and .git are kept out by .dockerignore). tsx comes in as a dependency of
# @woo/cli, so `--omit=dev` keeps it. The OCR models are npm packages: nothing is fetched at run time.
# LibreOffice converts Office files (convert stage): the GUI-less packages, run headless per file.
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui \
 && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm ci --omit=dev --no-audit --no-fund \
 && mkdir -p /data/blobs \
 && chown -R node:node /data

USER node
VOLUME ["/data"]
EXPOSE 3000

# Node itself as the main process, so SIGTERM from `docker compose stop` reaches our shutdown code.
CMD ["node", "--import", "tsx", "services/intake/src/server.ts"]
