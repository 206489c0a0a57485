# skygraph CLI image: `collect` by default, `skygraph` (query, report, drift, export) beside it.
# The image runs what gets published: the build stage compiles the packages and deploys
# @skygraph/sdk with its production dependencies; no TypeScript and no tsx at run time.

ARG NODE_IMAGE=node:22.23.3-bookworm-slim

FROM ${NODE_IMAGE} AS build
ENV CI=true \
    PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH
# The same pnpm as package.json's packageManager, from the npm registry (no corepack download at run time).
RUN npm install --global pnpm@10.34.9 && npm cache clean --force
WORKDIR /src
# Manifests first: the dependency layer is rebuilt only when they change. Every dependency,
# development ones included (the build needs TypeScript); the build is its own step below.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/core/package.json packages/core/
COPY packages/aws/package.json packages/aws/
COPY packages/gcp/package.json packages/gcp/
COPY packages/gsuite/package.json packages/gsuite/
COPY packages/sdk/package.json packages/sdk/
COPY examples/package.json examples/
RUN pnpm install --frozen-lockfile --ignore-scripts
COPY tsconfig.base.json tsconfig.package.json tsconfig.build.json ./
COPY packages ./packages
# Compiled JavaScript (tsc, dependency order), then the SDK as npm would install it: its published
# files and production dependencies only, the workspace packages included as packed copies.
RUN pnpm build \
 && pnpm --filter @skygraph/sdk deploy --prod --legacy /app \
 && chmod 755 /app/dist/cli/collect.js /app/dist/cli/skygraph.js

FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="skygraph" \
      org.opencontainers.image.description="A live, Cartography-compatible graph of AWS, GCP and Google Workspace estates" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production \
    SKYGRAPH_HOME=/data \
    SKYGRAPH_JSON_LOGS=true
RUN groupadd --system --gid 10001 skygraph \
 && useradd --system --uid 10001 --gid skygraph --home-dir /data --no-create-home --shell /usr/sbin/nologin skygraph \
 && mkdir -p /data \
 && chown skygraph:skygraph /data
WORKDIR /app
# Owned by root and read-only for the runtime user: the process cannot change its own code.
COPY --from=build /app /app
RUN ln -s /app/dist/cli/collect.js /usr/local/bin/collect \
 && ln -s /app/dist/cli/skygraph.js /usr/local/bin/skygraph
USER 10001:10001
# The embedded store (when no Neo4j URI is given) and the drift snapshot folder live here.
VOLUME ["/data"]
ENTRYPOINT ["collect"]
CMD ["--help"]
