# skygraph CLI image: `collect` by default, `skygraph` (query, report, drift, export) beside it.
# The CLI runs its TypeScript sources through tsx, so there is no build step:
# the build stage only installs production dependencies from the lockfile.

ARG NODE_IMAGE=node:22.23.3-bookworm-slim

FROM ${NODE_IMAGE} AS deps
ENV CI=true \
    PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH
# The same pnpm as package.json's packageManager, from the npm registry (no corepack download at run time).
RUN npm install --global pnpm@10.34.9 && npm cache clean --force
WORKDIR /app
# Manifests first: the dependency layer is rebuilt only when they change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/core/package.json packages/core/
COPY packages/aws/package.json packages/aws/
COPY packages/gcp/package.json packages/gcp/
COPY packages/gsuite/package.json packages/gsuite/
COPY packages/sdk/package.json packages/sdk/
COPY examples/package.json examples/
RUN pnpm install --frozen-lockfile --prod

FROM deps AS app
COPY tsconfig.base.json tsconfig.json ./
COPY packages ./packages

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
COPY --from=app /app /app
RUN ln -s /app/packages/sdk/bin/collect.js /usr/local/bin/collect \
 && ln -s /app/packages/sdk/bin/skygraph.js /usr/local/bin/skygraph
USER 10001:10001
# The embedded store (when no Neo4j URI is given) and the drift snapshot folder live here.
VOLUME ["/data"]
ENTRYPOINT ["collect"]
CMD ["--help"]
