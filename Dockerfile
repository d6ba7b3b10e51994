# One image for all four services; the command picks the service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
RUN node scripts/build.js
ENV NODE_ENV=production
CMD ["node", "dist/apps/intake/src/main.js"]
