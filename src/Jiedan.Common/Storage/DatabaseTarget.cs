namespace Jiedan.Common.Storage;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives. A <c>Host=…</c> connection string means PostgreSQL; anything else is a SQLite file path
/// (or a full <c>Data Source=…</c> SQLite connection string).
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "JIEDAN_DB";
    public const string DefaultPath = "./data/jiedan.db";

    public static DatabaseTarget FromArgumentOrEnvironment(string? argument) =>
        Parse(string.IsNullOrWhiteSpace(argument) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : argument);

    public static DatabaseTarget Parse(string? value)
    {
        var v = string.IsNullOrWhiteSpace(value) ? DefaultPath : value.Trim();
        if (v.Contains("Host=", StringComparison.OrdinalIgnoreCase) || v.Contains("Server=", StringComparison.OrdinalIgnoreCase))
            return new DatabaseTarget(DatabaseProvider.Postgres, v);
        if (v.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new DatabaseTarget(DatabaseProvider.Postgres, FromUri(new Uri(v)));
        if (v.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
            return new DatabaseTarget(DatabaseProvider.Sqlite, v);
        return new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={Path.GetFullPath(v)};Pooling=True;Default Timeout=30");
    }

    /// <summary>The SQLite file, if this is a file-backed SQLite target.</summary>
    public string? SqliteFile =>
        Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
            : null;

    /// <summary>A description safe to print: never includes a password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite) return $"SQLite {SqliteFile}";
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    private static string FromUri(Uri uri)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) b.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1) b.Password = Uri.UnescapeDataString(userInfo[1]);
        return b.ConnectionString;
    }
}
