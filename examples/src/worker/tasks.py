"""Background worker: refreshes product prices."""

import time

from src.config import DATABASE_URL


def refresh_prices() -> int:
    try:
        import psycopg

        with psycopg.connect(DATABASE_URL) as conn:
            return conn.execute("UPDATE products SET price = price").rowcount
    except Exception:
        pass
    return 0


if __name__ == "__main__":
    while True:
        refresh_prices()
        time.sleep(60)
