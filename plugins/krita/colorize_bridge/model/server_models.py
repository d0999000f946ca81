"""The models a server offers (ListModels), as the panel lists and steers
them: the widgets read these instead of wire messages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

from ..protocol.messages import ModelInfo, ModelState
from .steering import KIND_HINTS


@dataclass(frozen=True)
class ServerModel:
    name: str
    kind: str = KIND_HINTS        # what steers it; the server's empty kind means hints
    state: ModelState = ModelState.UNSPECIFIED
    error: str = ""               # why it failed to load
    tags: Tuple[str, ...] = ()    # the vocabulary of a "tags" model

    @staticmethod
    def from_info(info: ModelInfo) -> ServerModel:
        return ServerModel(info.name, info.kind or KIND_HINTS, info.state, info.error, info.tags)

    @property
    def ready(self) -> bool:
        return self.state == ModelState.READY

    @property
    def failed(self) -> bool:
        return self.state == ModelState.FAILED

    @property
    def usable(self) -> bool:
        """Ready, or loading and so ready for the first call that waits for it."""
        return self.state in (ModelState.READY, ModelState.LOADING)

    @property
    def state_name(self) -> str:
        return self.state.name.lower()
