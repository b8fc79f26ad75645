using System.CommandLine;
using System.Data.Common;
using Jiedan.Common.Storage;

namespace Jiedan.Common.Cli;

/// <summary>Recognises a database failure however EF Core wrapped it, and names the target without its password.</summary>
public static class DatabaseFailure
{
    public static DbException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DbException db) return db;
        return null;
    }

    public static string Describe(ParseResult parse)
    {
        try
        {
            var option = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--db") as Option<string?>;
            var db = option is null ? null : parse.GetValue(option);
            return DatabaseTarget.FromArgumentOrEnvironment(db).Describe();
        }
        catch (ArgumentException)
        {
            return "the configured database";
        }
    }
}
