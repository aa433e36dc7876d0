"""The choices a build made (window, as-of date, stage filter, columns, owners,
potential), kept beside the client file and said on standard error."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from portfolio.i18n import DEFAULT_LANGUAGE, t


@dataclass(frozen=True)
class Choices:
    """Everything that decided the figures, as plain values (written as JSON)."""

    lines_file: str
    columns: dict[str, str]  # role -> the lines file's header
    lines_read: int
    stage_column: str | None
    won_values: list[str]
    lines_won: int
    as_of: str
    as_of_from: str  # "option" or "latest line"
    window: str
    window_current: tuple[str, str]  # first and last day, inclusive
    window_previous: tuple[str, str]
    lines_after_as_of: int
    lines_before_windows: int
    families_from: str  # "file NAME", "column HEADER" or "none"
    unmapped_products: list[str]
    shared: str
    clients: int
    rows: int
    shared_clients: int
    reps_per_shared_client: tuple[int, int] | None  # least and most
    accounts_file: str | None
    potential_stated: int
    potential_estimated: int
    estimate_rule: str | None
    estimate_rates_file: str | None
    revenue_total: float
    potential_total: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, object]) -> Choices:
        """The choices as `as_dict` wrote them (JSON lists back to pairs); TypeError or
        ValueError for anything else."""
        if not isinstance(values, dict):
            raise TypeError("not an object")
        pairs = {"window_current", "window_previous", "reps_per_shared_client"}
        return cls(**{k: tuple(v) if k in pairs and isinstance(v, list) else v
                      for k, v in values.items()})

    def description(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Every choice, as a dataset made of this build keeps it (one per line)."""
        said = [t("building.described_built", lang, file=self.lines_file), *self.describe(lang)]
        return "\n".join(said)

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> list[str]:
        """One line per choice, for standard error."""
        key = "building.choice_"
        said = [t(key + "lines", lang, file=self.lines_file, read=self.lines_read,
                  columns=", ".join(f"{role} = {header!r}" for role, header in self.columns.items()))]
        if self.stage_column:
            said.append(t(key + "stage", lang, column=repr(self.stage_column),
                          values=", ".join(repr(v) for v in self.won_values), kept=self.lines_won))
        else:
            said.append(t(key + "no_stage", lang, kept=self.lines_won))
        said.append(t(key + "window", lang, window=self.window, as_of=self.as_of,
                      source=t(key + ("as_of_option" if self.as_of_from == "option"
                                      else "as_of_latest"), lang),
                      first=self.window_current[0], last=self.window_current[1],
                      previous_first=self.window_previous[0],
                      previous_last=self.window_previous[1],
                      after=self.lines_after_as_of, before=self.lines_before_windows))
        said.append(t(key + "families", lang, source=self.families_from))
        said.append(t(key + "shared_" + self.shared, lang, clients=self.clients, rows=self.rows))
        if self.estimate_rule:
            said.append(t(key + "estimate", lang, rule=self.estimate_rule,
                          rates=self.estimate_rates_file or "-",
                          stated=self.potential_stated, estimated=self.potential_estimated))
        else:
            said.append(t(key + "potential", lang, stated=self.potential_stated))
        return said

    def shared_warning(self, lang: str = DEFAULT_LANGUAGE) -> str | None:
        """How many clients several reps sell to, and by how many reps."""
        if not self.shared_clients or self.reps_per_shared_client is None:
            return None
        least, most = self.reps_per_shared_client
        return t("building.shared_clients", lang, shared=self.shared_clients,
                 clients=self.clients, least=least, most=most, mode=self.shared)
