using System.CommandLine;

namespace Jiedan.Common.Cli;

/// <summary>Options several commands share, built fresh for each command.</summary>
public static class CommonOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description =
            "Database: a SQLite file path, or a PostgreSQL 'Host=…' connection string (default: $JIEDAN_DB, else ./data/jiedan.db)",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts" };
}
