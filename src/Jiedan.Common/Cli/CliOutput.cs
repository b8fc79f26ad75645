using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Jiedan.Common.Cli;

/// <summary>
/// Where a command writes: Spectre.Console tables for people (plain text when redirected), JSON for scripts,
/// and one-line errors on stderr with the exit code that goes with them.
/// </summary>
public sealed class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public CliOutput(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        var interactive = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Console.Profile.Width = 160;
    }

    public static CliOutput From(ParseResult parse) =>
        new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public IAnsiConsole Console { get; }

    public int WriteJson<T>(T value)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, Json));
        return ExitCodes.Ok;
    }

    /// <summary>Writes "jiedan: message" to stderr and returns <paramref name="exitCode"/>.</summary>
    public int Fail(string message, int exitCode = ExitCodes.BadInput)
    {
        Error.WriteLine($"jiedan: {message}");
        return exitCode;
    }

#pragma warning disable CA1822 // commands build tables through their output, which may style them by terminal later
    public Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var c in columns) table.AddColumn(new TableColumn(Markup.Escape(c)));
        return table;
    }
#pragma warning restore CA1822

    public static string Escape(object? value) => Markup.Escape(value?.ToString() ?? "");
}
