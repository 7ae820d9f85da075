# Selaras: the web pages and the REST API over the bundled corpus, ingested when the image is built.
#   docker build -t selaras .
#   docker run --rm -p 8000:8000 selaras        # then http://127.0.0.1:8000/ (API: /docs)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SELARAS_DATA_DIR=/data \
    SELARAS_CORPUS_DIR=/app/corpus \
    SELARAS_WORKERS=2

WORKDIR /app

# Tesseract with its Indonesian data reads scanned PDFs and page images (app.ingest.ocr).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-ind \
 && rm -rf /var/lib/apt/lists/*

# The package first (a layer that changes only with the code), then the corpus.
COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install --no-cache-dir . \
 && useradd --create-home --uid 1000 selaras \
 && mkdir -p /data \
 && chown selaras /data

COPY corpus ./corpus

USER selaras
RUN selaras ingest corpus/

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"
CMD ["selaras", "serve", "--host", "0.0.0.0", "--port", "8000"]
