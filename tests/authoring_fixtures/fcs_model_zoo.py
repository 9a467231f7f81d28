"""Tricky pydantic models for the authoring tests (importable as a plain module)."""

from __future__ import annotations

import datetime
import enum
import uuid
from typing import Any, Dict, List, Literal, Optional, Set, Tuple, Union

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import Annotated


class Unit(str, enum.Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Address(BaseModel):
    """A postal address."""

    street: str
    postcode: Annotated[str, Field(pattern=r"^[0-9]{5}$", description="Five digits.")]
    country: Optional[str] = None


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int = 9


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool = True


class TreeNode(BaseModel):
    """A node of a tree."""

    label: str
    children: List[TreeNode] = []


class Line(BaseModel):
    sku: Annotated[str, Field(pattern=r"^[A-Z]{3}-[0-9]{4}$")]
    quantity: Annotated[int, Field(ge=1, le=100)]
    price: Annotated[float, Field(gt=0, le=10000)] = 1.0
    pack: Annotated[int, Field(multiple_of=6, ge=0)] = 6


class Order(BaseModel):
    """Create an order.

    Attributes:
        customer: Who buys.
        lines: What they buy.
    """

    customer: str
    lines: Annotated[List[Line], Field(min_length=1, max_length=5)]
    note: Optional[str]
    coupon: Optional[str] = None
    discount: Optional[int] = 5
    quantity: int = 10
    unit: Unit = Unit.CELSIUS
    priority: Priority = Priority.LOW
    channel: Literal["web", "phone"] = "web"
    ship_to: Optional[Address] = None
    bill_to: Address = Field(description="Billing address.")
    pet: Union[Cat, Dog] = Field(discriminator="kind")
    ref: Union[int, str]
    when: datetime.date
    at: Optional[datetime.datetime] = None
    order_id: uuid.UUID
    tags: List[str] = Field(default_factory=list)


class Circle(BaseModel):
    shape: Literal["circle"]
    radius: Annotated[float, Field(ge=0)]


class Square(BaseModel):
    shape: Literal["square"] = "square"
    side: Annotated[float, Field(ge=0)]


class Drawing(BaseModel):
    """Shapes to draw."""

    shapes: List[Annotated[Union[Circle, Square], Field(discriminator="shape")]]
    highlight: Optional[Annotated[Union[Circle, Square], Field(discriminator="shape")]] = None
    level: Optional[Literal[1, 2, 3]] = None
    mixed: Literal[1, "one"] = 1
    sloppy: int = None  # type: ignore[assignment]  # a common pattern: a None default on a non-Optional type
    maybe_five: Optional[int] = 5
    colour: Literal["red", None] = "red"


class Tree(BaseModel):
    root: TreeNode
    mirror: Optional[TreeNode] = None


class WithSet(BaseModel):
    labels: Set[str]


class WithLength(BaseModel):
    name: Annotated[str, Field(min_length=2, max_length=8)]


class WithUri(BaseModel):
    homepage: Annotated[str, Field(json_schema_extra={"format": "uri"})]


class WithDict(BaseModel):
    metadata: Dict[str, int]


class WithAny(BaseModel):
    payload: Any


class WithTuple(BaseModel):
    point: Tuple[int, int]


class WithExtraAllow(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str


class Empty(BaseModel):
    """Takes no arguments."""


class Aliased(BaseModel):
    user_name: str = Field(alias="userName")
    page_size: int = Field(20, alias="pageSize")


class Annotations(BaseModel):
    model_config = ConfigDict(regex_engine="python-re")  # pydantic's default engine has no lookaround
    handle: Annotated[str, Field(pattern=r"^(?!admin)[a-z]+$")]
    city: Annotated[str, Field(examples=["Paris", "Oslo"], deprecated=True)]
