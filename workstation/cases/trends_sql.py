"""The SQL of the trend summaries: the fact of an examination row, the triggers that keep
the summary tables in step, and the back-fill statements — one definition used by
migration 0007 and by ``workstation trends rebuild`` (``trends.store``)."""

from __future__ import annotations

#: The dimensions of a fact and of a summary row, in key order.
DIMS = ("day", "border_point", "issuing_state", "document_code", "series", "conclusion",
        "forgery_kind", "verdict")
#: The dimensions of ``trend_month_documents``.
DOCUMENT_DIMS = DIMS[:5]
TRIGGERS = (
    ("trend_examinations_insert", "examinations"),
    ("trend_examinations_update", "examinations"),
    ("trend_examinations_delete", "examinations"),
    ("trend_results_insert", "examination_results"),
    ("trend_results_update", "examination_results"),
    ("trend_results_delete", "examination_results"),
    ("trend_facts_insert", "trend_facts"),
    ("trend_facts_update", "trend_facts"),
    ("trend_facts_delete", "trend_facts"),
    ("trend_fact_checks_insert", "trend_fact_checks"),
    ("trend_fact_checks_delete", "trend_fact_checks"),
)


# -- the fact of an examination row, per dialect ---------------------------------------------

def _fact_values(dialect: str, e: str) -> str:
    """SQL expressions of a fact's dimensions from the examinations row ``e``."""
    if dialect == "postgresql":
        day = f"({e}.created_at AT TIME ZONE 'UTC')::date"
        kind = f"coalesce(({e}.findings_json::jsonb) ->> 'forgery_kind', '')"
    else:
        day = f"date({e}.created_at)"
        kind = (f"CASE WHEN json_valid({e}.findings_json) THEN coalesce(CAST(json_extract("
                f"{e}.findings_json, '$.forgery_kind') AS TEXT), '') ELSE '' END")
    return (f"{day}, substr({e}.border_point, 1, 100), {e}.issuing_state, {e}.document_code, "
            f"substr(coalesce({e}.specimen_id, ''), 1, 100), coalesce({e}.conclusion, ''), "
            f"substr({kind}, 1, 40), {e}.verdict")


def _failed_code_parts(dialect: str, checks_json: str) -> tuple[str, str, str]:
    """``(from item, condition, code expression)`` listing the failed checks of the JSON
    list ``checks_json`` (anything else counts as no failed check)."""
    if dialect == "postgresql":
        doc = (f"CASE WHEN jsonb_typeof(({checks_json})::jsonb) = 'array' "
               f"THEN ({checks_json})::jsonb ELSE '[]'::jsonb END")
        return (f"jsonb_array_elements({doc}) AS c",
                "jsonb_typeof(c.value) = 'object' AND c.value ->> 'status' = 'fail' "
                "AND coalesce(c.value ->> 'code', '') <> ''",
                "substr(c.value ->> 'code', 1, 64)")
    doc = (f"CASE WHEN json_valid({checks_json}) AND json_type({checks_json}) = 'array' "
           f"THEN {checks_json} ELSE '[]' END")
    return (f"json_each({doc}) AS c",
            "c.type = 'object' AND json_extract(c.value, '$.status') = 'fail' "
            "AND coalesce(json_extract(c.value, '$.code'), '') <> ''",
            "substr(CAST(json_extract(c.value, '$.code') AS TEXT), 1, 64)")


def _insert_codes(dialect: str) -> str:
    """The statement recording the failed codes of ``NEW`` (an examination_results row)."""
    source, condition, code = _failed_code_parts(dialect, "NEW.checks_json")
    return ("INSERT INTO trend_fact_checks (examination_id, code) "
            f"SELECT DISTINCT NEW.examination_id, {code} FROM {source} WHERE {condition} "
            "ON CONFLICT DO NOTHING;")


_DIM_LIST = ", ".join(DIMS)


#: (grain, summary table, check summary table): daily and monthly.
GRAINS = (("day", "trend_counts", "trend_check_counts"),
          ("month", "trend_month_counts", "trend_month_check_counts"))


def _day_of(dialect: str, row: str, grain: str) -> str:
    """The summary key's day of the fact row ``row``: its day, or its month's first day."""
    if grain == "day":
        return f"{row}.day"
    if dialect == "postgresql":
        return f"date_trunc('month', {row}.day)::date"
    return f"date({row}.day, 'start of month')"


def _dims_of(dialect: str, row: str, grain: str) -> str:
    """The dimension values of the fact row ``row`` for a summary of ``grain``."""
    return ", ".join(_day_of(dialect, row, grain) if d == "day" else f"{row}.{d}"
                     for d in DIMS)


def _documents_sql(dialect: str, row: str, sign: int) -> str:
    """Count the fact ``row`` into ``trend_month_documents`` (``sign`` +1) or out of it
    (-1), dropping rows that reach zero."""
    keys = ", ".join(DOCUMENT_DIMS)
    values = ", ".join(_day_of(dialect, row, "month") if d == "day" else f"{row}.{d}"
                       for d in DOCUMENT_DIMS)
    forged = f"(CASE WHEN {row}.conclusion IN ('counterfeit', 'forged') THEN 1 ELSE 0 END)"
    flagged = f"(CASE WHEN {row}.verdict = 'fail' THEN 1 ELSE 0 END)"
    t = "trend_month_documents"
    if sign > 0:
        return (f"INSERT INTO {t} ({keys}, n, forgeries, flagged) VALUES ({values}, 1, "
                f"{forged}, {flagged}) ON CONFLICT ({keys}) DO UPDATE SET n = {t}.n + 1, "
                f"forgeries = {t}.forgeries + {forged}, flagged = {t}.flagged + {flagged}; ")
    match = " AND ".join(f"{t}.{d} = "
                         + (_day_of(dialect, row, "month") if d == "day" else f"{row}.{d}")
                         for d in DOCUMENT_DIMS)
    return (f"UPDATE {t} SET n = n - 1, forgeries = forgeries - {forged}, "
            f"flagged = flagged - {flagged} WHERE {match}; "
            f"DELETE FROM {t} WHERE {match} AND n <= 0; ")


def _match_dims(dialect: str, row: str, grain: str, table: str) -> str:
    """``table``'s row of the fact ``row`` (every dimension equal)."""
    return " AND ".join(f"{table}.{d} = "
                        + (_day_of(dialect, row, grain) if d == "day" else f"{row}.{d}")
                        for d in DIMS)


def _changed(a: str, b: str) -> str:
    """Whether any dimension differs between the rows ``a`` and ``b``."""
    return " OR ".join(f"{a}.{d} <> {b}.{d}" for d in DIMS)


def sqlite_triggers() -> list[str]:
    fact = _fact_values("sqlite", "NEW")
    set_dims = ", ".join(f"{d} = excluded.{d}" for d in DIMS)
    add_cell = drop_cell = add_checks = drop_checks = ""
    for grain, cells, checks in GRAINS:
        new = _dims_of("sqlite", "NEW", grain)
        add_cell += (f"INSERT INTO {cells} ({_DIM_LIST}, n) VALUES ({new}, 1) "
                     f"ON CONFLICT ({_DIM_LIST}) DO UPDATE SET n = {cells}.n + 1; ")
        add_checks += (f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                       f"SELECT {new}, c.code, 1 FROM trend_fact_checks c "
                       "WHERE c.examination_id = NEW.examination_id "
                       f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; ")
        old = _match_dims("sqlite", "OLD", grain, cells)
        drop_cell += (f"UPDATE {cells} SET n = n - 1 WHERE {old}; "
                      f"DELETE FROM {cells} WHERE {old} AND n <= 0; ")
        old = _match_dims("sqlite", "OLD", grain, checks)
        drop_checks += (f"UPDATE {checks} SET n = n - 1 WHERE {old} AND code IN (SELECT code "
                        "FROM trend_fact_checks WHERE examination_id = OLD.examination_id); "
                        f"DELETE FROM {checks} WHERE {old} AND n <= 0; ")
    add_cell += _documents_sql("sqlite", "NEW", +1)
    drop_cell += _documents_sql("sqlite", "OLD", -1)
    insert_codes = _insert_codes("sqlite")
    return [
        "CREATE TRIGGER trend_examinations_insert AFTER INSERT ON examinations "
        "WHEN NEW.purpose = 'casework' BEGIN "
        f"INSERT INTO trend_facts (examination_id, {_DIM_LIST}) VALUES (NEW.id, {fact}); END",

        "CREATE TRIGGER trend_examinations_update AFTER UPDATE OF id, created_at, border_point, "
        "issuing_state, document_code, specimen_id, conclusion, findings_json, verdict, purpose "
        "ON examinations BEGIN "
        "DELETE FROM trend_facts WHERE examination_id = OLD.id "
        "AND (NEW.purpose <> 'casework' OR NEW.id <> OLD.id); "
        f"INSERT INTO trend_facts (examination_id, {_DIM_LIST}) SELECT NEW.id, {fact} "
        "WHERE NEW.purpose = 'casework' "
        f"ON CONFLICT (examination_id) DO UPDATE SET {set_dims} "
        f"WHERE {_changed('trend_facts', 'excluded')}; END",

        "CREATE TRIGGER trend_examinations_delete AFTER DELETE ON examinations BEGIN "
        "DELETE FROM trend_facts WHERE examination_id = OLD.id; END",

        "CREATE TRIGGER trend_results_insert AFTER INSERT ON examination_results BEGIN "
        f"{insert_codes} END",

        "CREATE TRIGGER trend_results_update AFTER UPDATE OF examination_id, checks_json "
        "ON examination_results BEGIN "
        "DELETE FROM trend_fact_checks WHERE examination_id = OLD.examination_id; "
        f"{insert_codes} END",

        "CREATE TRIGGER trend_results_delete AFTER DELETE ON examination_results BEGIN "
        "DELETE FROM trend_fact_checks WHERE examination_id = OLD.examination_id; END",

        f"CREATE TRIGGER trend_facts_insert AFTER INSERT ON trend_facts BEGIN {add_cell} "
        f"{add_checks} END",

        f"CREATE TRIGGER trend_facts_update AFTER UPDATE ON trend_facts BEGIN {drop_cell} "
        f"{drop_checks} {add_cell} {add_checks} END",

        f"CREATE TRIGGER trend_facts_delete AFTER DELETE ON trend_facts BEGIN {drop_cell} "
        f"{drop_checks} END",

        "CREATE TRIGGER trend_fact_checks_insert AFTER INSERT ON trend_fact_checks BEGIN "
        + "".join(f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                  f"SELECT {_dims_of('sqlite', 'f', grain)}, NEW.code, 1 "
                  "FROM trend_facts f WHERE f.examination_id = NEW.examination_id "
                  f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; "
                  for grain, _cells, checks in GRAINS) + "END",

        "CREATE TRIGGER trend_fact_checks_delete AFTER DELETE ON trend_fact_checks BEGIN "
        + "".join(f"UPDATE {checks} SET n = n - 1 WHERE code = OLD.code AND EXISTS (SELECT 1 "
                  "FROM trend_facts f WHERE f.examination_id = OLD.examination_id AND "
                  f"{_match_dims('sqlite', 'f', grain, checks)}); "
                  f"DELETE FROM {checks} WHERE code = OLD.code AND n <= 0 AND EXISTS (SELECT 1 "
                  "FROM trend_facts f WHERE f.examination_id = OLD.examination_id AND "
                  f"{_match_dims('sqlite', 'f', grain, checks)}); "
                  for grain, _cells, checks in GRAINS) + "END",
    ]


def postgresql_triggers() -> list[str]:
    fact = _fact_values("postgresql", "NEW")
    set_dims = ", ".join(f"{d} = EXCLUDED.{d}" for d in DIMS)

    def add_cell(r: str) -> str:
        out = ""
        for grain, cells, checks in GRAINS:
            dims = _dims_of("postgresql", r, grain)
            out += (f"INSERT INTO {cells} ({_DIM_LIST}, n) VALUES ({dims}, 1) "
                    f"ON CONFLICT ({_DIM_LIST}) DO UPDATE SET n = {cells}.n + 1; "
                    f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                    f"SELECT {dims}, c.code, 1 FROM trend_fact_checks c "
                    f"WHERE c.examination_id = {r}.examination_id "
                    f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; ")
        return out + _documents_sql("postgresql", r, +1)

    def drop_cell(r: str) -> str:
        out = ""
        for grain, cells, checks in GRAINS:
            m = _match_dims("postgresql", r, grain, cells)
            c = _match_dims("postgresql", r, grain, checks)
            out += (f"UPDATE {cells} SET n = n - 1 WHERE {m}; "
                    f"DELETE FROM {cells} WHERE {m} AND n <= 0; "
                    f"UPDATE {checks} SET n = n - 1 WHERE {c} AND code IN (SELECT code FROM "
                    f"trend_fact_checks WHERE examination_id = {r}.examination_id); "
                    f"DELETE FROM {checks} WHERE {c} AND n <= 0; ")
        return out + _documents_sql("postgresql", r, -1)

    insert_codes = _insert_codes("postgresql")
    return [
        "CREATE FUNCTION trend_examinations_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF TG_OP = 'DELETE' THEN DELETE FROM trend_facts WHERE examination_id = OLD.id; "
        "RETURN OLD; END IF; "
        "IF TG_OP = 'UPDATE' AND (NEW.purpose <> 'casework' OR NEW.id <> OLD.id) THEN "
        "DELETE FROM trend_facts WHERE examination_id = OLD.id; END IF; "
        "IF NEW.purpose = 'casework' THEN "
        f"INSERT INTO trend_facts AS t (examination_id, {_DIM_LIST}) VALUES (NEW.id, {fact}) "
        f"ON CONFLICT (examination_id) DO UPDATE SET {set_dims} "
        f"WHERE {_changed('t', 'EXCLUDED')}; "
        "END IF; RETURN NEW; END $$",

        "CREATE FUNCTION trend_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF TG_OP <> 'INSERT' THEN DELETE FROM trend_fact_checks WHERE examination_id = "
        "OLD.examination_id; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        f"{insert_codes} RETURN NEW; END $$",

        "CREATE FUNCTION trend_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {drop_cell('OLD')} END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        f"{add_cell('NEW')} RETURN NEW; END $$",

        "CREATE FUNCTION trend_fact_checks_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        + "".join(f"UPDATE {checks} SET n = n - 1 FROM trend_facts f WHERE "
                  f"f.examination_id = OLD.examination_id AND {checks}.code = OLD.code AND "
                  f"{_match_dims('postgresql', 'f', grain, checks)}; "
                  f"DELETE FROM {checks} USING trend_facts f WHERE "
                  f"f.examination_id = OLD.examination_id AND {checks}.code = OLD.code AND "
                  f"{_match_dims('postgresql', 'f', grain, checks)} AND {checks}.n <= 0; "
                  for grain, _cells, checks in GRAINS)
        + "RETURN OLD; END IF; "
        + "".join(f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                  f"SELECT {_dims_of('postgresql', 'f', grain)}, NEW.code, 1 "
                  "FROM trend_facts f WHERE f.examination_id = NEW.examination_id "
                  f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; "
                  for grain, _cells, checks in GRAINS)
        + "RETURN NEW; END $$",

        "CREATE TRIGGER trend_examinations_insert AFTER INSERT ON examinations FOR EACH ROW "
        "EXECUTE FUNCTION trend_examinations_changed()",
        "CREATE TRIGGER trend_examinations_update AFTER UPDATE OF id, created_at, border_point, "
        "issuing_state, document_code, specimen_id, conclusion, findings_json, verdict, purpose "
        "ON examinations FOR EACH ROW EXECUTE FUNCTION trend_examinations_changed()",
        "CREATE TRIGGER trend_examinations_delete AFTER DELETE ON examinations FOR EACH ROW "
        "EXECUTE FUNCTION trend_examinations_changed()",
        "CREATE TRIGGER trend_results_insert AFTER INSERT ON examination_results FOR EACH ROW "
        "EXECUTE FUNCTION trend_results_changed()",
        "CREATE TRIGGER trend_results_update AFTER UPDATE OF examination_id, checks_json ON "
        "examination_results FOR EACH ROW EXECUTE FUNCTION trend_results_changed()",
        "CREATE TRIGGER trend_results_delete AFTER DELETE ON examination_results FOR EACH ROW "
        "EXECUTE FUNCTION trend_results_changed()",
        "CREATE TRIGGER trend_facts_insert AFTER INSERT ON trend_facts FOR EACH ROW "
        "EXECUTE FUNCTION trend_facts_changed()",
        "CREATE TRIGGER trend_facts_update AFTER UPDATE ON trend_facts FOR EACH ROW "
        "EXECUTE FUNCTION trend_facts_changed()",
        "CREATE TRIGGER trend_facts_delete AFTER DELETE ON trend_facts FOR EACH ROW "
        "EXECUTE FUNCTION trend_facts_changed()",
        "CREATE TRIGGER trend_fact_checks_insert AFTER INSERT ON trend_fact_checks FOR EACH ROW "
        "EXECUTE FUNCTION trend_fact_checks_changed()",
        "CREATE TRIGGER trend_fact_checks_delete AFTER DELETE ON trend_fact_checks FOR EACH ROW "
        "EXECUTE FUNCTION trend_fact_checks_changed()",
    ]


def backfill_checks(dialect: str) -> str:
    source, condition, code = _failed_code_parts(dialect, "r.checks_json")
    join = "CROSS JOIN LATERAL" if dialect == "postgresql" else ","
    return ("INSERT INTO trend_fact_checks (examination_id, code) "
            f"SELECT DISTINCT r.examination_id, {code} FROM examination_results r {join} "
            f"{source} WHERE {condition} ON CONFLICT DO NOTHING")


def backfill_facts(dialect: str) -> str:
    return (f"INSERT INTO trend_facts (examination_id, {_DIM_LIST}) "
            f"SELECT e.id, {_fact_values(dialect, 'e')} FROM examinations e "
            "WHERE e.purpose = 'casework'")
