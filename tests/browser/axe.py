"""What the browser tests share: Debian's Chromium (Playwright never downloads a browser
here), axe-core from npm (`tests/browser/package.json`, installed by `make setup`) and
its run against WCAG 2.1 AA."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from playwright.async_api import BrowserContext, Page, async_playwright

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  if (results.passes.length === 0) throw new Error("axe checked nothing");
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))
  }));
}"""
SERIOUS = {"serious", "critical"}


def read_axe() -> str:
    """axe-core's source, once Chromium and it are both installed."""
    assert CHROMIUM.exists(), "Chromium is missing: run `make setup` (as root)"
    assert AXE.exists(), "axe-core is missing: run `make setup` (npm ci in tests/browser)"
    return AXE.read_text("utf-8")


async def axe_violations(tab: Page, axe: str) -> list[dict[str, Any]]:
    """The open page's WCAG 2.1 AA violations. axe goes in through the DevTools protocol:
    the page's own Content-Security-Policy rightly forbids any other script."""
    await tab.evaluate(axe)
    found: list[dict[str, Any]] = await tab.evaluate(RUN_AXE, WCAG_21_AA)
    return found


def described(violations: list[dict[str, Any]], *, serious_only: bool = False) -> list[str]:
    """One line per violation (only the serious and critical ones when asked)."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
        for v in violations
        if not serious_only or v["impact"] in SERIOUS
    ]


@contextlib.asynccontextmanager
async def chromium(**context_options: Any) -> AsyncIterator[BrowserContext]:
    """A fresh browser context in Debian's Chromium, closed afterwards."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"]
        )
        try:
            yield await browser.new_context(**context_options)
        finally:
            await browser.close()
