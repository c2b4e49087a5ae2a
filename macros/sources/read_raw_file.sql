{#- SQL that reads one raw table from a file in `raw_dir`. CSV is read with an explicit dialect
    (csv_dialect), never sniffed, every column as text (staging owns the casts); Parquet columns
    must be of a kind the contract column can hold. Fails the run with a message naming the file
    and the fix when the file is missing, lacks contract columns, has records the CSV reader
    rejects (file, line, column and problem, never the row's values) or a Parquet column of the
    wrong kind. Every path enters SQL through sql_string_literal. -#}
{% macro read_raw_file(table_name, raw_dir, source_name='helpdesk', check_records=true) -%}
    {{ return(adapter.dispatch('read_raw_file', 'support_metrics')(table_name, raw_dir, source_name, check_records)) }}
{%- endmacro %}

{% macro default__read_raw_file(table_name, raw_dir, source_name='helpdesk', check_records=true) -%}
    {{ exceptions.raise_compiler_error(
        "The raw_dir var reads files and is supported on DuckDB only (target type '"
        ~ target.type ~ "'). Load the raw tables into a schema and pass "
        ~ "--vars '{raw_schema: <schema>}' instead.") }}
{%- endmacro %}

{% macro duckdb__read_raw_file(table_name, raw_dir, source_name='helpdesk', check_records=true) -%}
    {%- set path = raw_file_path(table_name, raw_dir) -%}
    {%- if not execute -%}
        {{ return("read_parquet(" ~ sql_string_literal(path) ~ ")") }}
    {%- endif -%}
    {%- if path.endswith('.csv') -%}
        {%- set reader = csv_reader(path, table_name, raw_csv_header(path, table_name)) -%}
    {%- else -%}
        {%- set reader = "read_parquet(" ~ sql_string_literal(path) ~ ")" -%}
    {%- endif -%}
    {%- set described = run_query("describe select * from " ~ reader) -%}
    {%- set present = described.columns[0].values() | map('lower') | list -%}
    {%- set missing = [] -%}
    {%- for column in raw_contract_columns(table_name, source_name) if column not in present -%}
        {%- do missing.append(column) -%}
    {%- endfor -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir: " ~ path ~ " lacks the contract column(s) " ~ missing | join(', ')
            ~ " (it has " ~ present | join(', ') ~ "). Fix the file's header to match "
            ~ "docs/raw_contract.md.") }}
    {%- endif -%}
    {%- if path.endswith('.csv') and check_records -%}
        {%- do check_csv_records(path, table_name, reader, present) -%}
    {%- elif not path.endswith('.csv') -%}
        {%- do check_parquet_types(path, table_name, source_name, described) -%}
    {%- endif -%}
    {{ return(reader) }}
{%- endmacro %}

{#- The one file a raw table is read from, `<raw_dir>/<table>.parquet` or `.csv`; stops the run
    when there is none or both. -#}
{% macro raw_file_path(table_name, raw_dir) -%}
    {%- set folder = raw_dir.rstrip('/') -%}
    {%- set parquet_path = folder ~ '/' ~ table_name ~ '.parquet' -%}
    {%- set csv_path = folder ~ '/' ~ table_name ~ '.csv' -%}
    {%- if not execute -%}{{ return(parquet_path) }}{%- endif -%}
    {#- A folder name may hold glob characters: the file is found by an exact name match. -#}
    {%- set found = run_query(
        "select file from glob(" ~ sql_string_literal(folder ~ '/*') ~ ") where file in ("
        ~ sql_string_literal(parquet_path) ~ ", " ~ sql_string_literal(csv_path) ~ ")") -%}
    {%- set files = found.columns[0].values() | list -%}
    {%- if files | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir: no file for raw table '" ~ table_name ~ "': expected " ~ parquet_path
            ~ " or " ~ csv_path ~ ". Export the table there (see docs/raw_contract.md).") }}
    {%- elif files | length > 1 -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir: both " ~ parquet_path ~ " and " ~ csv_path ~ " exist; keep one so the "
            ~ "table is read from one place.") }}
    {%- endif -%}
    {{ return(files[0]) }}
{%- endmacro %}

{#- The CSV dialect of a raw table: comma, double quote, a quote doubled to escape it, a header
    row, no comment character. Var `raw_csv_dialect` overrides delimiter, quote or escape per
    table: {ticket_events: {delimiter: ';'}}. -#}
{% macro csv_dialect(table_name) -%}
    {%- set dialect = {'delimiter': ',', 'quote': '"', 'escape': '"'} -%}
    {%- set override = var('raw_csv_dialect', {}).get(table_name, {}) -%}
    {%- for key, value in override.items() -%}
        {%- if key not in dialect or (value | string | length) != 1 -%}
            {{ exceptions.raise_compiler_error(
                "raw_csv_dialect." ~ table_name ~ ": '" ~ key ~ "' must be one of delimiter, quote, "
                ~ "escape, each a single character (see docs/raw_contract.md).") }}
        {%- endif -%}
        {%- do dialect.update({key: value | string}) -%}
    {%- endfor -%}
    {{ return(dialect) }}
{%- endmacro %}

{#- A deliberately dumb reading of a CSV file, independent of the CSV parser's dialect handling:
    one row per physical line (`line`, bytes read as latin-1 so that no byte can fail to decode;
    no quote, no comment, a delimiter no export contains). Used to read the header and to count
    records (raw_record_count). -#}
{% macro csv_physical_lines(path) -%}
    read_csv({{ sql_string_literal(path) }}, header = false, auto_detect = false,
        columns = {'line': 'VARCHAR'}, delim = chr(30) || chr(31) || chr(30) || chr(31),
        quote = '', escape = '', comment = '', encoding = 'latin-1', strict_mode = false,
        max_line_size = 268435456, buffer_size = 268435456)
{%- endmacro %}

{#- The header's column names, lower-cased, from the file's first line split at the delimiter. -#}
{% macro raw_csv_header(path, table_name) -%}
    {%- set dialect = csv_dialect(table_name) -%}
    {%- set first = run_query("select line from " ~ csv_physical_lines(path) ~ " limit 1") -%}
    {%- set line = (first.columns[0].values() | list + [none])[0] -%}
    {%- if line is none or line | trim == '' -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir: " ~ path ~ " has no header row (is it empty?). Write the contract's header "
            ~ "line, even for a table without rows (see docs/raw_contract.md).") }}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for name in line.replace('\u00ef\u00bb\u00bf', '').rstrip('\r').split(dialect.delimiter) -%}
        {%- set clean = name | trim | replace(dialect.quote, '') | lower -%}
        {%- if clean in names or clean == '' -%}
            {{ exceptions.raise_compiler_error(
                "raw_dir: " ~ path ~ " line 1: the header has an empty or repeated column name ('"
                ~ clean ~ "'). Write each column once (see docs/raw_contract.md).") }}
        {%- endif -%}
        {%- do names.append(clean) -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

{#- DuckDB's CSV reader with the table's explicit dialect and the header's columns, all text. A
    record it cannot read is set aside (store_rejects), never printed: check_csv_records stops the
    run on it at compile time, and raw_record_count's independent count would show it missing. -#}
{% macro csv_reader(path, table_name, columns) -%}
    {%- set dialect = csv_dialect(table_name) -%}
    {%- set column_types = [] -%}
    {%- for column in columns -%}
        {%- do column_types.append(sql_string_literal(column) ~ ": 'VARCHAR'") -%}
    {%- endfor -%}
    {{ return("read_csv(" ~ sql_string_literal(path) ~ ", header = true, auto_detect = false, "
        ~ "columns = {" ~ column_types | join(', ') ~ "}, delim = " ~ sql_string_literal(dialect.delimiter)
        ~ ", quote = " ~ sql_string_literal(dialect.quote) ~ ", escape = " ~ sql_string_literal(dialect.escape)
        ~ ", comment = '', strict_mode = true, null_padding = false, max_line_size = 268435456, "
        ~ "buffer_size = 268435456, "
        ~ "store_rejects = true)") }}
{%- endmacro %}

{#- Reads every value of the CSV once and stops the run on the first records the reader rejects
    (ragged, bad quoting, bad encoding), naming the file, line, column and problem. -#}
{% macro check_csv_records(path, table_name, reader, columns) -%}
    {%- set suffix = table_name ~ '_' ~ (range(100000) | random) -%}
    {%- set lengths = [] -%}
    {%- for column in columns -%}
        {%- do lengths.append("coalesce(length(" ~ adapter.quote(column) ~ "), 0)") -%}
    {%- endfor -%}
    {%- set reader_with_rejects = reader[:-1] ~ ", rejects_table = 'support_rejects_" ~ suffix
        ~ "', rejects_scan = 'support_reject_scans_" ~ suffix ~ "')" -%}
    {%- set rejected = run_query(
        "select sum(" ~ lengths | join(' + ') ~ ") from " ~ reader_with_rejects ~ "; "
        ~ "select line, min(byte_position), string_agg(distinct coalesce(column_name, '-'), ', '), "
        ~ "string_agg(distinct error_type, ', '), count(*) over () from support_rejects_" ~ suffix
        ~ " group by line order by line limit 3") -%}
    {%- if rejected.rows | length > 0 -%}
        {%- set problems = [] -%}
        {%- for row in rejected.rows -%}
            {%- do problems.append("line " ~ row[0] ~ " (byte " ~ row[1] ~ "), column(s) " ~ row[2] ~ ": " ~ row[3]) -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir: " ~ path ~ ": the CSV reader rejects " ~ rejected.rows[0][4] ~ " record(s) "
            ~ "(dialect " ~ csv_dialect(table_name) | tojson ~ "); first: " ~ problems | join('; ')
            ~ ". Fix those lines (one record per line, every field of the header, quotes doubled, "
            ~ "UTF-8), or set var raw_csv_dialect (see docs/raw_contract.md).") }}
    {%- endif -%}
{%- endmacro %}

{#- Parquet columns must hold what their contract column can: no lists, structs, maps or blobs
    anywhere, and for the raw contract a text column is text (not an integer id), a timestamp a
    timestamp or text, and so on (kinds from contract_column_type). -#}
{% macro check_parquet_types(path, table_name, source_name, described) -%}
    {%- set contract = raw_contract_columns(table_name, source_name) -%}
    {%- set wrong = [] -%}
    {%- for row in described.rows if row[0] | lower in contract -%}
        {%- set dtype = row[1] | lower -%}
        {%- set kind = contract_column_type(row[0] | lower) | lower if source_name == 'helpdesk' else 'any' -%}
        {%- set nested = '[' in dtype or dtype.startswith('struct') or dtype.startswith('map')
            or dtype.startswith('union') or dtype in ['blob', 'bytea', 'bit'] -%}
        {%- set is_text = dtype in ['varchar', 'text', 'string', '"null"', 'null'] -%}
        {%- set is_int = dtype in ['tinyint', 'smallint', 'integer', 'bigint', 'hugeint', 'utinyint', 'usmallint', 'uinteger', 'ubigint', 'uhugeint'] -%}
        {%- if kind == 'any' -%}
            {%- set allowed = not nested -%}
        {%- elif kind == dbt.type_timestamp() | lower -%}
            {%- set allowed = is_text or dtype.startswith('timestamp') -%}
        {%- elif kind == dbt.type_boolean() | lower -%}
            {%- set allowed = is_text or dtype == 'boolean' -%}
        {%- elif kind == dbt.type_int() | lower -%}
            {%- set allowed = is_text or is_int -%}
        {%- elif kind == 'date' -%}
            {%- set allowed = is_text or dtype == 'date' -%}
        {%- elif kind == dbt.type_numeric() | lower -%}
            {%- set allowed = is_text or is_int or dtype.startswith('decimal') or dtype in ['double', 'float'] -%}
        {%- else -%}
            {%- set allowed = is_text -%}
        {%- endif -%}
        {%- if not allowed -%}
            {%- do wrong.append(row[0] ~ " is " ~ row[1]) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if wrong -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir: " ~ path ~ ": column(s) of the wrong kind: " ~ wrong | join('; ')
            ~ ". Write ids, codes and labels as strings, timestamps as timestamp or ISO-8601 text, "
            ~ "booleans as boolean or text, scores and handle_seconds as integers or text; no lists, "
            ~ "structs, maps or binary (see docs/raw_contract.md).") }}
    {%- endif -%}
{%- endmacro %}

{#- SQL for the number of records in a raw table, counted without the reader the staging uses: for
    a CSV in raw_dir, the physical lines that end a record (the quotes seen so far are balanced),
    less the header; otherwise the relation's row count. quarantine_row_counts holds raw = accepted
    + quarantined against it, so a record the parser drops cannot go unseen. -#}
{% macro raw_record_count(table_name) -%}
    {%- set raw_dir = var('raw_dir', '') -%}
    {%- if raw_dir and source_system() == 'helpdesk' and target.type == 'duckdb' and execute -%}
        {%- set path = raw_file_path(table_name, raw_dir) -%}
        {%- if path.endswith('.csv') -%}
            {%- set dialect = csv_dialect(table_name) -%}
            {%- set quote = sql_string_literal(dialect.quote) -%}
            {%- set unescaped = "line" if dialect.escape == dialect.quote
                else "replace(line, " ~ sql_string_literal(dialect.escape ~ dialect.quote) ~ ", '')" -%}
            {{ return("(select greatest(count(*) - 1, 0) from (select line, sum(length(" ~ unescaped
                ~ ") - length(replace(" ~ unescaped ~ ", " ~ quote ~ ", ''))) over (order by line_number"
                ~ " rows unbounded preceding) as quotes_so_far from (select line, row_number() over ()"
                ~ " as line_number from " ~ csv_physical_lines(path) ~ ") as physical_lines) as lines"
                ~ " where quotes_so_far % 2 = 0 and trim(coalesce(line, ''), chr(13) || ' ') != '')") }}
        {%- endif -%}
    {%- endif -%}
    {{ return("(select count(*) from " ~ helpdesk_source(table_name) ~ ")") }}
{%- endmacro %}
