"""A module without any @tool."""

VALUE = 1
