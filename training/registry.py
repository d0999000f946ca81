"""Functions registered by name with a decorator (stylegan2-ada's metric_main
habit): line styles, reconstruction losses, baselines and metrics. A registry
is the dict of its functions; `named` looks one up and raises, listing the
known names, for a name nobody registered."""
from __future__ import annotations

from typing import Callable, Dict, TypeVar

Function = TypeVar("Function")


class Registry(Dict[str, Function]):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind  # what the functions are, for the error message

    def register(self, name: str) -> Callable[[Function], Function]:
        """Decorator: files the function under ``name`` and returns it unchanged."""
        def add(function: Function) -> Function:
            self[name] = function
            return function

        return add

    def named(self, name: str) -> Function:
        if name not in self:
            raise ValueError(f"unknown {self.kind} {name!r}; known: {sorted(self)}")
        return self[name]
