"""Old websocket handlers. Not imported by any running service."""

import asyncio


async def generate_quote(customer_id: int) -> dict:
    await asyncio.sleep(1)  # Simulate processing time
    return {
        "quote_id": "Q2024001",  # Mock quote ID
        "customer_id": customer_id,
        "total_amount": 25000.00,
        "contact": "John Doe",
    }


async def execute_tool(name: str, arguments: dict) -> dict:
    # Mock tool execution
    result = {"tool": name, "output": f"Executed {name} successfully", "arguments": arguments}
    return result
