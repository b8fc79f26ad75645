using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Domain.Contract;
using Jiedan.Domain.Scaffold;
using Jiedan.Files;
using Jiedan.Scaffold.Services;

namespace Jiedan.Scaffold.Cli;

/// <summary>
/// <c>jiedan scaffold REQUIREMENT.yml --out DIR --module PATH [--framework gin|stdlib] [--lang zh|en] [--vendor-from DIR]
/// [--force] [--json]</c>: writes a Go module that enforces the contract. Exit 0 written; 2 bad input (nothing written).
/// </summary>
internal static class ScaffoldCommands
{
    public static Command Create()
    {
        var requirement = new Argument<FileInfo>("REQUIREMENT") { Description = "requirement.yml (schema in docs/contract.md)" };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "folder of the Go module (new or empty, or --force)", Required = true,
        };
        var module = new Option<string>("--module") { Description = "Go module path, e.g. github.com/you/orders", Required = true };
        var framework = new Option<string>("--framework")
        {
            Description = "gin (default) or stdlib (net/http only)", DefaultValueFactory = _ => "gin",
        };
        framework.AcceptOnlyFromAmong("gin", "stdlib");
        var language = new Option<string>("--lang")
        {
            Description = "README language: en (default) or zh", DefaultValueFactory = _ => "en",
        };
        language.AcceptOnlyFromAmong("en", "zh");
        var vendorFrom = new Option<DirectoryInfo?>("--vendor-from")
        {
            Description = "fill vendor/ from Debian's Go sources (/usr/share/gocode/src) so the build needs no network",
        };
        var force = new Option<bool>("--force")
        {
            Description = "regenerate into a non-empty folder; files you changed are kept, the new version beside them",
        };
        var json = CommonOptions.Json();
        var command = new Command("scaffold", "Generate a Go service (gin or net/http, SQLite) that enforces the contract, with tests")
        {
            requirement, output, module, framework, language, vendorFrom, force, json,
        };
        command.SetAction(parse => Run(parse, parse.GetValue(requirement)!, parse.GetValue(output)!, new ScaffoldOptions(
            parse.GetValue(module)!,
            parse.GetValue(framework) == "stdlib" ? GoFramework.Stdlib : GoFramework.Gin,
            parse.GetValue(language) == "zh"), parse.GetValue(vendorFrom), parse.GetValue(force), parse.GetValue(json)));
        return command;
    }

    private static int Run(ParseResult parse, FileInfo file, DirectoryInfo folder, ScaffoldOptions options, DirectoryInfo? vendorFrom,
        bool force, bool asJson)
    {
        var console = CliOutput.From(parse);
        string text;
        try { text = RegularFile.ReadAllText(file.FullName, RequirementLimits.MaxBytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail($"scaffold: cannot read {file}: {e.Message}");
        }
        IReadOnlyList<ScaffoldFile> files;
        try { files = ScaffoldBuilder.Build(text, file.ToString(), options); }
        catch (RequirementException e)
        {
            console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (ScaffoldException e)
        {
            return console.Fail($"scaffold: {e.Message}");
        }
        ScaffoldWrite result;
        try
        {
            if (vendorFrom is not null) GoVendor.Check(vendorFrom.FullName, options.Framework);
            Action<string>? vendor = vendorFrom is null ? null : dir => GoVendor.Fill(vendorFrom.FullName, dir, options.Framework);
            result = ScaffoldOutput.Write(folder.FullName, files, force, vendor);
        }
        catch (ScaffoldRefusedException e)
        {
            return console.Fail($"scaffold: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FileRefusedException)
        {
            return console.Fail($"scaffold: cannot write {folder}: {e.Message}");
        }
        if (asJson)
        {
            console.WriteJson(new ScaffoldRun(folder.FullName, options.ModulePath, options.Framework.ToString().ToLowerInvariant(),
                vendorFrom is not null, result.Written, result.KeptWithNewBeside, result.Unchanged));
            return ExitCodes.Ok;
        }
        var frameworkName = options.Framework.ToString().ToLowerInvariant();
        console.Out.WriteLine($"scaffold {options.ModulePath} ({frameworkName}) → {folder.FullName}");
        var vendored = vendorFrom is null ? "" : ", vendor/ filled";
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Written.Count} files written, {result.Unchanged.Count} unchanged{vendored}"));
        foreach (var kept in result.KeptWithNewBeside)
            console.Out.WriteLine($"  kept your {kept}; the new version is {kept}{ScaffoldOutput.NewSuffix}");
        console.Out.WriteLine(vendorFrom is null ? "next: cd into it, go mod tidy, make test" : "next: cd into it, make test");
        return ExitCodes.Ok;
    }
}

/// <summary>What <c>jiedan scaffold --json</c> prints.</summary>
internal sealed record ScaffoldRun(string Out, string Module, string Framework, bool Vendored, IReadOnlyList<string> Written,
    IReadOnlyList<string> KeptWithNewBeside, IReadOnlyList<string> Unchanged);
