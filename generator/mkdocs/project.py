"""What the `thutuc` command needs from MkDocs: a project's settings and site, builds, preview.

The command line never imports MkDocs itself: it asks this module, which turns MkDocs' own
errors into `ThutucError` so that every failure reaches the person as one message.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.load.site import Site, load_site
from generator.mkdocs.jobs import cancel_all
from generator.mkdocs.plugin import CATALOG_MEMO, site_source, use_profile
from generator.mkdocs.preview import PREVIEW
from generator.problems import ThutucError
from generator.publish.atomic import Terminated, build_into


@dataclass(frozen=True)
class Project:
    """A project folder (where mkdocs.yml is), its settings and its checked site."""

    config_file: Path
    root: Path
    site_dir: Path  # where `build` writes by default
    directory_urls: bool
    site: Site


@contextmanager
def mkdocs_errors() -> Iterator[None]:
    """Turn MkDocs' errors into `ThutucError` (its messages are already for people)."""
    try:
        yield
    except (PluginError, ConfigurationError, Abort) as error:
        raise ThutucError(str(error)) from None


def load_project(config_file: Path, profile: Path | None = None) -> Project:
    """Read mkdocs.yml and check the site it describes (for the commune of `profile`)."""
    with mkdocs_errors():
        config = _config(config_file)
        if profile is not None:
            use_profile(config, profile)
        plugin = config.plugins.get("thutuc")
        if plugin is None:
            raise ThutucError("mkdocs.yml chưa bật plugin `thutuc` (mục `plugins:`).")
        site = load_site(site_source(config, plugin.config), CATALOG_MEMO)
    return Project(config_file, Path(config.config_file_path).parent, Path(config.site_dir),
                   config.use_directory_urls, site)


def build_atomically(config_file: Path, target: Path, offline: bool = False,
                     profile: Path | None = None, jobs: int = 0,
                     page_cache: bool = True) -> None:
    """Build the site of `config_file` into `target`, replacing it only on success.

    `offline` builds the edition that opens from disk (the plugin's `offline` option);
    `profile` builds for the commune that profile file describes; `jobs` processes build its
    languages at once (0: the plugin's `jobs` option, by default one per core); without
    `page_cache`, no page is taken from or kept in the page cache.
    """
    def build(staging: Path) -> None:
        config = _config(config_file, site_dir=staging)
        if offline and "thutuc" in config.plugins:
            config.plugins["thutuc"].config["offline"] = True
        if jobs and "thutuc" in config.plugins:
            config.plugins["thutuc"].config["jobs"] = jobs
        if not page_cache and "thutuc" in config.plugins:
            config.plugins["thutuc"].config["page_cache"] = False
        if profile is not None:
            use_profile(config, profile)
        try:
            mkdocs_build(config)
        except BaseException:
            # MkDocs tells plugins of errors, not of Ctrl-C or SIGTERM: stop the languages'
            # workers before the staging folder they write into is removed.
            cancel_all()
            raise

    with mkdocs_errors():
        build_into(target, build)


def serve(config_file: Path, dev_addr: str | None) -> None:
    """Preview the site with live reload (MkDocs' development server) until Ctrl-C or
    SIGTERM, its normal ends: the server stops, with its workers (the plugin's
    `on_shutdown`), and this returns."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    # MkDocs lets Ctrl-C and SIGTERM out of its first build, and SIGTERM out of serving.
    try:
        with mkdocs_errors(), contextlib.suppress(KeyboardInterrupt, Terminated):
            mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)
    finally:
        # Stopping: a further Ctrl-C or SIGTERM must not cut the stop short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        PREVIEW.close()


def _config(config_file: Path, site_dir: Path | None = None) -> MkDocsConfig:
    if not config_file.is_file():
        raise ThutucError(f"Không tìm thấy {config_file}: hãy chạy lệnh trong thư mục dự án "
                          "(thư mục chứa mkdocs.yml), hoặc chỉ đường dẫn bằng -f.")
    if site_dir is None:
        return load_config(config_file=str(config_file))
    return load_config(config_file=str(config_file), site_dir=str(site_dir))
