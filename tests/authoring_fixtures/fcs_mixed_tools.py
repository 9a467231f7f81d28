"""One good tool and one that strict mode cannot express (a dict field)."""

from __future__ import annotations

from typing import Dict

from pydantic import BaseModel

from fcschema.authoring import tool


@tool
class Good(BaseModel):
    name: str


@tool
class Labels(BaseModel):
    labels: Dict[str, str]
