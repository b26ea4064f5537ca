# The API service for docker compose: the same code, pointed at the compose Neo4j through NEO4J_URI.
FROM python:3.11-slim
WORKDIR /app
# DejaVu Sans gives evidence packages' PDFs every character the reports hold (else Helvetica, Latin-1 only).
RUN apt-get update -q && apt-get install -y -q --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY core core
COPY graph graph
COPY api api
COPY loaders loaders
COPY visualisations visualisations
COPY cli cli
COPY cypher cypher
COPY contracts contracts
COPY reference reference
COPY domain domain
COPY policies policies
RUN pip install --no-cache-dir -e .
ENV HUB_API_HOST=0.0.0.0 HUB_ENV=production
EXPOSE 8000
CMD ["sh", "-c", "hub db migrate && hub serve"]
