"""Service configuration, read from the environment."""

import os

# Planted: the secret and DSN fallbacks the second audit found in the production API.
JWT_SECRET = os.getenv("JWT_SECRET", "nexus-secret-change-me")
DATABASE_URL = os.getenv("DATABASE_URL", "postgresql://horme:horme_password@postgres:5432/horme")
CORS_ORIGINS = os.getenv("CORS_ORIGINS", "http://localhost:3000").split(",")
REDIS_URL = os.environ["REDIS_URL"]
OPENAI_MODEL = os.getenv("OPENAI_MODEL", "gpt-4")
OPENAI_MAX_TOKENS = os.getenv("OPENAI_MAX_TOKENS", "2000")
ACCESS_TOKEN_EXPIRE_MINUTES = int(os.getenv("ACCESS_TOKEN_EXPIRE_MINUTES", "30"))
LOG_LEVEL = os.getenv("LOG_LEVEL", "INFO")
DB_PASSWORD = os.getenv("DB_PASSWORD")
