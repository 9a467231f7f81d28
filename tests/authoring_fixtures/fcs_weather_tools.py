"""A module of tools marked with @tool, as a user would write it."""

from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import BaseModel, Field

from fcschema.authoring import tool


@tool
def get_weather(city: str, unit: Literal["c", "f"] = "c") -> str:
    """Get the current weather.

    Args:
        city: City name, e.g. Paris.
        unit: Temperature unit.
    """
    return f"{city}: 20 {unit}"


@tool(name="search_flights", description="Search for flights.")
class FlightSearch(BaseModel):
    origin: str = Field(description="IATA code.")
    destination: str
    max_stops: Optional[int] = None


class Passenger(BaseModel):
    name: str


def count_passengers(passengers: List[Passenger]) -> int:
    """Count passengers (not marked as a tool)."""
    return len(passengers)


ALL_TOOLS = [get_weather, FlightSearch, count_passengers]
NOT_A_TOOL = 42
