from unittest.mock import AsyncMock


def test_products_returns_rows():
    conn = AsyncMock()
    conn.fetch.return_value = [{"id": 1, "name": "Drill", "price": 10}]
    assert conn is not None
