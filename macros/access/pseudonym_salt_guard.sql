{#- The pseudonyms are only as private as their salt. The demo salt is public (it is in this
    repository), so it may pseudonymise the demo seeds and nothing else: building any other input
    (var raw_dir, raw_schema or a source_system) without var `pseudonym_salt_table` stops the run
    with the fix. `pseudonym_demo_salt_allowed: true` is the explicit opt-out, for tests of
    generated data. A named salt table must be `schema.table` (an identifier: it is pasted into
    SQL as a table name) and, when `check_table`, hold exactly one salt of at least 16 characters:
    an empty table would turn every pseudonym into null, a short salt is guessable.
    Called on run start (check_table) and by `pseudonym_salt` whenever a model is compiled. -#}
{% macro check_pseudonym_salt(check_table=false) -%}
    {%- set table = var('pseudonym_salt_table', '') | string | trim -%}
    {%- if table -%}
        {%- if not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*([.][A-Za-z_][A-Za-z0-9_]*){1,2}', table) -%}
            {{ exceptions.raise_compiler_error(
                "var pseudonym_salt_table must name a table as schema.table (letters, digits and "
                ~ "underscores), e.g. support_private.pseudonym_salt; got " ~ table | tojson) }}
        {%- endif -%}
        {%- if check_table and execute -%}
            {%- do check_pseudonym_salt_table(table) -%}
        {%- endif -%}
    {%- elif not uses_demo_input() and not var('pseudonym_demo_salt_allowed', false) -%}
        {{ exceptions.raise_compiler_error(pseudonym_salt_fix(
            "This build reads real input (var raw_dir, raw_schema or source_system) but names no "
            ~ "pseudonym salt, and the demo salt is public: anyone could reverse the customer and "
            ~ "account pseudonyms by hashing candidate ids.")) }}
    {%- endif -%}
    {{ return('select 1') }}
{%- endmacro %}

{#- True when the raw input is the demo seeds (the same condition enables them in dbt_project.yml). -#}
{% macro uses_demo_input() -%}
    {{ return(not (var('raw_dir', '') or var('raw_schema', '')) and var('source_system', 'helpdesk') == 'helpdesk') }}
{%- endmacro %}

{#- The salt table exists and holds one salt of 16 characters or more. -#}
{% macro check_pseudonym_salt_table(table) -%}
    {%- set parts = table.split('.') -%}
    {%- set relation = adapter.get_relation(
        database=parts[0] if parts | length == 3 else target.database,
        schema=parts[-2], identifier=parts[-1]) -%}
    {%- if relation is none -%}
        {{ exceptions.raise_compiler_error(pseudonym_salt_fix(
            "var pseudonym_salt_table names " ~ table ~ ", which this target's database does not hold.")) }}
    {%- endif -%}
    {%- set counted = run_query(
        "select count(*) as salts, coalesce(min(length(salt)), 0) as shortest from " ~ relation) -%}
    {%- set salts = counted.columns[0].values()[0] | int -%}
    {%- set shortest = counted.columns[1].values()[0] | int -%}
    {%- if salts != 1 or shortest < 16 -%}
        {{ exceptions.raise_compiler_error(pseudonym_salt_fix(
            "The salt table " ~ table ~ " must hold exactly one salt of at least 16 characters; it holds "
            ~ salts ~ " row(s), the shortest " ~ shortest ~ " characters long.")) }}
    {%- endif -%}
{%- endmacro %}

{#- The problem, then the fix: store a salt once, then name its table. -#}
{% macro pseudonym_salt_fix(problem) -%}
    {%- if target.type == 'duckdb' -%}
        {%- set store = "--duckdb " ~ target.path -%}
    {%- elif target.type == 'postgres' -%}
        {%- set store = "--postgres   (the PG* variables of this target)" -%}
    {%- else -%}
        {%- set store = "--duckdb <file> or --postgres" -%}
    {%- endif -%}
    {{ return(problem ~ "\nStore a secret salt once (from the environment or a file, never the command line), "
        ~ "then name its table:\n"
        ~ "  SUPPORT_PSEUDONYM_SALT=<16+ secret characters> .venv/bin/python scripts/set_pseudonym_salt.py " ~ store ~ "\n"
        ~ "  dbt build --vars '{pseudonym_salt_table: support_private.pseudonym_salt, ...}'   (see README, \"Pseudonyms\")") }}
{%- endmacro %}
