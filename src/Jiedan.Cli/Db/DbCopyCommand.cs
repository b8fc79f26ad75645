using System.CommandLine;
using Jiedan.Cli.Backup;
using Jiedan.Common.Cli;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Spectre.Console;

namespace Jiedan.Cli.Db;

/// <summary>
/// <c>jiedan db copy --from SOURCE --to TARGET</c>: SQLite → PostgreSQL (or back). The source must be up to date and the
/// target empty; the target is migrated, then filled in one transaction that commits only when verified.
/// Exit 0 copied, 1 verification failed (rolled back), 2 bad input (nothing changed), 3 database error.
/// </summary>
public static class DbCopyCommand
{
    public static Command Create(IEnumerable<IJiedanModule> modules)
    {
        var from = new Option<string>("--from") { Description = "The database to copy: a SQLite file or a Host=… string", Required = true };
        var to = new Option<string>("--to") { Description = "The empty database to fill, of either kind", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("copy", "Copy every table from one database to another (SQLite ⇄ PostgreSQL), verified")
        {
            from, to, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (source, target) = (DatabaseTarget.FromArgumentOrEnvironment(parse.GetValue(from)),
                DatabaseTarget.FromArgumentOrEnvironment(parse.GetValue(to)));
            if (Same(source, target)) return output.Fail("--to: the target is the source; copy into another database");
            if (source.SqliteFile is { } file && !File.Exists(file)) return output.Fail($"--from: no database at {file}");

            var (sourceServices, contexts) = CliServices.Build(parse.GetValue(from), Needs.All(modules));
            await using var sourceOwner = sourceServices;
            var behind = await Migrations.PendingAsync(sourceServices, contexts, ct);
            if (behind.Count > 0)
            {
                return output.Fail(
                    $"--from: {source.Describe()} lacks {behind.Count} migrations: run 'jiedan db migrate --db SOURCE' first");
            }
            var existing = await DatabaseInventory.OfTargetAsync(target, ct);
            if (existing is { DataRows: > 0 })
                return output.Fail($"--to: {target.Describe()} already holds {existing.DataRows} rows; copy into an empty database");

            var (targetServices, _) = CliServices.Build(parse.GetValue(to), Needs.All(modules));
            await using var targetOwner = targetServices;
            await Migrations.ApplyAsync(targetServices, contexts, ct);
            IReadOnlyList<CopiedTable> tables;
            try { tables = await DbCopy.CopyAsync(source, target, contexts, ct); }
            catch (CopyCheckException e) { return output.Fail(e.Message, ExitCodes.CheckFailed); }

            if (parse.GetValue(json)) return output.WriteJson(new { from = source.Describe(), to = target.Describe(), tables });
            var table = output.NewTable("Table", "Rows", "SHA-256 (source = target)");
            foreach (var t in tables)
            {
                table.AddRow(CliOutput.Escape(t.Table), t.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    t.Checksum[..16]);
            }
            output.Console.Write(table);
            await output.Out.WriteLineAsync($"copied {tables.Sum(t => t.Rows)} rows in {tables.Count} tables from {source.Describe()} to "
                + $"{target.Describe()}; counts and checksums verified");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool Same(DatabaseTarget a, DatabaseTarget b) => a.SqliteFile is { } x && b.SqliteFile is { } y
        ? string.Equals(Path.GetFullPath(x), Path.GetFullPath(y), StringComparison.Ordinal)
        : string.Equals(a.ConnectionString, b.ConnectionString, StringComparison.Ordinal);

}
