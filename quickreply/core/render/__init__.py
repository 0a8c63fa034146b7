"""Rendering snippet templates, as one front door: ``from quickreply.core.render import Renderer``.

The package is split by concern: ``sandbox`` (the hardened Jinja2 environment and its budgets),
``templates`` (parsing and compiling a snippet's texts, errors at pack-file lines), ``names``
(the computed shop and clock values), ``fields`` (fill-in field values), ``variants`` (the
no-repeat memory), ``renderer`` (:class:`Renderer`) and ``checks`` (the template lint rule).
"""

from quickreply.core.render.checks import check_snippet
from quickreply.core.render.names import COMPUTED_NAMES, TEMPLATE_GLOBALS
from quickreply.core.render.renderer import Renderer
from quickreply.core.render.sandbox import Limits
from quickreply.core.render.templates import RenderError
from quickreply.core.render.variants import VariantMemory

__all__ = [
    "COMPUTED_NAMES",
    "TEMPLATE_GLOBALS",
    "Limits",
    "RenderError",
    "Renderer",
    "VariantMemory",
    "check_snippet",
]
