using System.CommandLine;
using Jiedan.Common.Cli;

namespace Jiedan.Loc.Cli;

/// <summary>`jiedan loc [PATH]`: blank, comment and code lines per language, cloc-compatible and fast.</summary>
internal static class LocCommands
{
    public const string Description = "Count blank, comment and code lines per language (cloc-compatible, .gitignore aware)";

    public static Command Create() => Configure(new Command("loc", Description));

    /// <summary>Gives <paramref name="command"/> loc's argument, options and action: `jiedan loc` and the native `jiedan-loc`
    /// (src/Jiedan.Loc.Native, whose root command is the line counter) parse and answer alike.</summary>
    public static T Configure<T>(T command) where T : Command
    {
        var path = new Argument<string>("path") { Description = "Directory or file to count", DefaultValueFactory = _ => "." };
        var byFile = new Option<bool>("--by-file") { Description = "One row per file" };
        var json = new Option<bool>("--json") { Description = "JSON for scripts" };
        var csv = new Option<bool>("--csv") { Description = "CSV for spreadsheets" };
        var includeVendor = new Option<bool>("--include-vendor") { Description = "Count vendor/ and node_modules/ in the totals" };
        var includeGenerated =
            new Option<bool>("--include-generated") { Description = "Count 'Code generated … DO NOT EDIT.' files in the totals" };
        var excludeTests = new Option<bool>("--exclude-tests") { Description = "Keep test code out of the totals (still shown apart)" };
        var dedupe = new Option<bool>("--dedupe") { Description = "Count files with identical content once" };
        var noIgnore = new Option<bool>("--no-ignore") { Description = "Do not honour .gitignore and .ignore" };
        var clocCompat =
            new Option<bool>("--cloc-compat") { Description = "Reproduce cloc exactly, even where it mistakes strings for comments" };
        var maxFileSize = new Option<int>("--max-file-size")
        {
            Description = "Skip files larger than this many MB (as cloc; default 100)",
            DefaultValueFactory = _ => (int)(LocOptions.DefaultMaxFileBytes >> 20),
        };
        maxFileSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-file-size must be at least 1 (MB)");
        });

        command.Arguments.Add(path);
        Option[] options = [byFile, json, csv, includeVendor, includeGenerated, excludeTests, dedupe, noIgnore, clocCompat, maxFileSize];
        foreach (var option in options) command.Options.Add(option);
        command.SetAction((parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var root = parse.GetValue(path)!;
            if (!Directory.Exists(root) && !File.Exists(root))
            {
                error.WriteLine($"jiedan loc: {root}: no such file or directory");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var options = new LocOptions
            {
                IncludeVendor = parse.GetValue(includeVendor),
                IncludeGenerated = parse.GetValue(includeGenerated),
                ExcludeTests = parse.GetValue(excludeTests),
                Dedupe = parse.GetValue(dedupe),
                RespectIgnoreFiles = !parse.GetValue(noIgnore),
                ClocCompatible = parse.GetValue(clocCompat),
                MaxFileBytes = (long)parse.GetValue(maxFileSize) << 20,
            };
            LocReport report;
            try
            {
                report = LocCounter.Count(root, options, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"jiedan loc: {root}: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var perFile = parse.GetValue(byFile);
            if (parse.GetValue(json)) LocJsonWriter.Write(output, report, perFile);
            else if (parse.GetValue(csv)) LocCsvWriter.Write(output, report, perFile);
            else LocTableWriter.Write(output, report, perFile);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
