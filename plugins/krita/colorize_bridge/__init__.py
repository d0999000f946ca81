"""ColorizeBridge for Krita: colours line art with a ColorizeBridge server.

Krita imports this package at start-up (colorize_bridge.desktop) and the
package registers the docker.
"""
from krita import DockWidgetFactory, DockWidgetFactoryBase, Krita

from .ui.docker import ColorizeBridgeDocker

DOCKER_ID = "colorize_bridge_docker"

Krita.instance().addDockWidgetFactory(
    DockWidgetFactory(DOCKER_ID, DockWidgetFactoryBase.DockRight, ColorizeBridgeDocker))
