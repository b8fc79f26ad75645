using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Deals;
using Jiedan.Domain.Quote.Calibration;
using Jiedan.Domain.Quote.Spec;
using Jiedan.Files;
using Jiedan.Quote.Services;
using Jiedan.Rates;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Quote.Cli;

/// <summary><c>jiedan quote SPEC.yml</c> prices and stores a quote; <c>jiedan quote calibrate HISTORY.csv</c> refits its factors.</summary>
internal static class QuoteCommands
{
    private static readonly CliRegistration Uses =
        Needs.Of(DealsModule.RegisterData, RatesModule.RegisterData, QuoteModule.RegisterData);

    private const long MaxSpecBytes = 1 << 20;

    public static Command Create()
    {
        var spec = new Argument<FileInfo>("SPEC") { Description = "quote spec (YAML; schema in docs/quote.md)" };
        var deal = new Option<long?>("--deal") { Description = "store the quote on this deal (it must exist)" };
        var json = CommonOptions.Json();
        var pdf = new Option<FileInfo?>("--pdf") { Description = "also write the proposal as PDF" };
        var db = CommonOptions.Db();
        var repositoryRoot = new Option<DirectoryInfo?>("--repository-root")
        {
            Description = "paths in the spec (size.repository, tech_debt.golangci_lint) must lie below this directory "
                + "(default: Quotes:RepositoryRoot, else the current directory)",
        };
        var command = new Command("quote",
            "Estimate and price a project from a spec: size, function points and SLA layers, risk premium, COCOMO cross-check")
        {
            spec, deal, json, pdf, db, repositoryRoot,
        };
        command.Subcommands.Add(Calibrate());
        command.SetAction((parse, ct) => RunQuoteAsync(parse, parse.GetValue(spec)!, parse.GetValue(deal), parse.GetValue(json),
            parse.GetValue(pdf),
            parse.GetValue(db), parse.GetValue(repositoryRoot), ct));
        return command;
    }

    private static async Task<int> RunQuoteAsync(ParseResult parse, FileInfo specFile, long? dealId, bool asJson, FileInfo? pdf, string? db,
        DirectoryInfo? repositoryRoot, CancellationToken ct)
    {
        var output = CliOutput.From(parse);
        string text;
        try { text = RegularFile.ReadAllText(specFile.FullName, MaxSpecBytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return output.Fail($"quote: cannot read {specFile}: {e.Message}");
        }

        await using var services = await CliServices.OpenAsync(db, Uses, ct);
        await using var scope = services.CreateAsyncScope();
        var quotes = scope.ServiceProvider.GetRequiredService<QuoteService>();
        try
        {
            var root = repositoryRoot?.FullName ?? scope.ServiceProvider.GetRequiredService<QuoteApiSettings>().RepositoryRoot
                ?? Directory.GetCurrentDirectory();
            var prepared = await quotes.PrepareAsync(text, specFile.ToString(), specFile.DirectoryName ?? ".", root, ct);
            // The PDF is written before the quote is stored, so an unwritable path leaves nothing behind.
            if (pdf is not null) await QuoteProposal.WritePdfAsync(prepared.View(dealId: dealId), pdf.FullName, ct);
            var view = await quotes.SaveAsync(prepared, dealId, ct);
            if (asJson) return output.WriteJson(view);
            QuoteConsole.Write(output.Console, view);
            return ExitCodes.Ok;
        }
        catch (QuoteSpecException e)
        {
            return output.Fail($"quote: {e.Message}");
        }
        catch (QuoteInputException e)
        {
            return output.Fail($"quote: --{e.Field}: {e.Message}");
        }
    }

    private static Command Calibrate()
    {
        var history = new Argument<FileInfo>("HISTORY") { Description = "CSV of past projects (columns in docs/quote.md)" };
        var hours = new Option<string>("--hours") { Description = "column of actual hours",
            DefaultValueFactory = _ => HistoryColumns.Default.Hours };
        var lines = new Option<string>("--lines") { Description = "column of effective lines",
            DefaultValueFactory = _ => HistoryColumns.Default.Lines };
        var points = new Option<string>("--function-points") { Description = "column of unadjusted function points",
            DefaultValueFactory = _ => HistoryColumns.Default.FunctionPoints };
        var factor =
            new Option<string[]>("--factor") { Description = "categorical factor column" +
                " (repeatable; default: language, stack, platform, category if present)", AllowMultipleArgumentsPerToken = false };
        var noFactors = new Option<bool>("--no-factors") { Description = "fit size alone, without categorical factors" };
        var ordinal = new Option<string[]>("--ordinal")
        {
            Description = "factor column whose levels are numbers on an ordered scale, e.g. years of experience (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var method = new Option<CalibrationMethod>("--method")
        {
            Description = "auto (default: LAD or OLS and which factors, chosen inside each leave-one-out fold), lad (median "
                + "regression, every factor) or ols (classic least squares, every factor)",
            DefaultValueFactory = _ => CalibrationMethod.Auto,
        };
        var json = CommonOptions.Json();
        var save = new Option<bool>("--save") { Description = "save the refitted factors: later quotes use them and show their accuracy" };
        var db = CommonOptions.Db();
        var command = new Command("calibrate",
            "Refit the productivity factors from past projects; report MMRE, MdMRE and PRED(25) under leave-one-out")
        {
            history, hours, lines, points, factor, ordinal, noFactors, method, json, save, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var factors = parse.GetValue(noFactors) ? [] : parse.GetValue(factor) is { Length: > 0 } f ? f : null;
            var columns = new HistoryColumns(parse.GetValue(hours)!, parse.GetValue(lines)!, parse.GetValue(points)!, factors)
            {
                OrdinalFactors = parse.GetValue(noFactors) ? [] : parse.GetValue(ordinal) ?? [],
            };
            return await RunCalibrateAsync(parse, parse.GetValue(history)!, columns, parse.GetValue(method), parse.GetValue(json),
                parse.GetValue(save), parse.GetValue(db), ct);
        });
        return command;
    }

    private static async Task<int> RunCalibrateAsync(ParseResult parse, FileInfo file, HistoryColumns columns, CalibrationMethod method,
        bool asJson, bool save, string? db, CancellationToken ct)
    {
        var output = CliOutput.From(parse);
        CalibrationResult result;
        CalibrationResult? baseline;
        try
        {
            using var reader = file.OpenText();
            var data = HistoryCsv.Read(reader, file.ToString(), columns);
            result = Calibrator.Calibrate(data, method switch
            {
                CalibrationMethod.Lad => CalibrationOptions.Fixed(RegressionMethod.Lad),
                CalibrationMethod.Ols => CalibrationOptions.Fixed(RegressionMethod.Ols),
                _ => CalibrationOptions.Default,
            });
            baseline = method == CalibrationMethod.Ols ? null : Calibrator.Calibrate(data, RegressionMethod.Ols);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return output.Fail($"quote calibrate: cannot read {file}: {e.Message}");
        }
        catch (Exception e) when (e is HistoryFormatException or ArgumentException)
        {
            return output.Fail($"quote calibrate: {e.Message}");
        }

        long? savedId = null;
        if (save)
        {
            await using var services = await CliServices.OpenAsync(db, Uses, ct);
            savedId = await services.GetRequiredService<CalibrationStore>().SaveAsync(result, ct);
        }
        if (asJson) return output.WriteJson(CalibrationView.From(result, baseline, savedId));
        QuoteConsole.Write(output.Console, result, baseline, savedId);
        return ExitCodes.Ok;
    }
}

internal enum CalibrationMethod
{
    Auto,
    Lad,
    Ols,
}
