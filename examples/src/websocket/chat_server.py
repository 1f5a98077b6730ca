"""Websocket chat server: answers with the OpenAI API."""

import asyncio
import contextlib
import json
import os

import websockets
from openai import AsyncOpenAI

from src.config import OPENAI_MODEL

client = AsyncOpenAI(api_key=os.environ["OPENAI_API_KEY"])


async def answer(message: str) -> str:
    response = await client.chat.completions.create(
        model=OPENAI_MODEL, messages=[{"role": "user", "content": message}]
    )
    return response.choices[0].message.content


async def handle(websocket):
    async for raw in websocket:
        with contextlib.suppress(Exception):
            payload = json.loads(raw)
            await websocket.send(await answer(payload["message"]))


async def main() -> None:
    async with websockets.serve(handle, "0.0.0.0", 8001):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
