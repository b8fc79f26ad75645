using System.Text.Json;
using Jiedan.Common.Storage;
using Jiedan.Quote.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Quote.Tests.Cli;

public sealed class QuoteCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-quote-cli-").FullName;
    private string Db => Path.Combine(_dir, "jiedan.db");
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Quote", "Data", name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The CLI after `jiedan db migrate` on the same database, as a user would run them.</summary>
    private static async Task<CliResult> Run(params string[] args)
    {
        if (Array.IndexOf(args, "--db") is var at and >= 0) await CommandLine.RunAsync("db", "migrate", "--db", args[at + 1]);
        return await CommandLine.RunAsync(args);
    }

    private async Task<int> StoredQuotes()
    {
        if (!File.Exists(Db)) return 0;
        var options = new DbContextOptionsBuilder<QuotesDbContext>();
        JiedanDb.Configure<QuotesDbContext>(options, DatabaseTarget.Parse(Db));
        await using var db = new QuotesDbContext(options.Options);
        return await db.Quotes.CountAsync();
    }

    private string Spec(string yaml)
    {
        var path = Path.Combine(_dir, "spec.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task The_example_spec_is_priced_and_stored()
    {
        var (exit, stdout, stderr) = await Run("quote", Data("quote.yml"), "--db", Db);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("$57,214.37", stdout); // the hand-worked quote of QuoteCalculatorTests
        Assert.Contains("COCOMO", stdout);
        Assert.Equal(1, await StoredQuotes());
    }

    [Fact]
    public async Task Json_output_carries_the_breakdown()
    {
        var (exit, stdout, _) = await Run("quote", Data("quote.yml"), "--json", "--db", Db);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(57214.37m, root.GetProperty("price").GetProperty("expected").GetDecimal());
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        Assert.Equal(3, root.GetProperty("layers").GetArrayLength());
        Assert.Equal(1.18m, root.GetProperty("premium").GetDecimal());
        Assert.Equal(29, root.GetProperty("functionPoints").GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_pdf_proposal_renders_chinese_headings()
    {
        var pdf = Path.Combine(_dir, "proposal.pdf");
        var (exit, _, stderr) = await Run("quote", Data("quote.yml"), "--pdf", pdf, "--db", Db);

        Assert.True(exit == 0, stderr);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("报价方案", text);
        Assert.Contains("工作量分解", text);
        Assert.Contains("功能点", text);
        Assert.Contains("$57,214.37", text);
    }

    [Fact]
    public async Task An_unwritable_pdf_path_exits_2_and_stores_nothing()
    {
        var (exit, _, stderr) = await Run("quote", Data("quote.yml"), "--pdf", Path.Combine(_dir, "no-such-dir", "p.pdf"),
            "--db", Db);

        Assert.Equal(2, exit);
        Assert.Contains("--pdf: cannot write", stderr);
        Assert.Equal(0, await StoredQuotes());
    }

    [Theory]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla:\n  p99_ms: 100\n  uptime_percent: 100.5\n",
        ":6:19: sla.uptime_percent")]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla:\n  p99_ms: -1\n  uptime_percent: 99\n", ":5:11: sla.p99_ms")]
    [InlineData("platform: fiverr\nseniority: senior\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n",
        ":1:11: platform: unknown platform")]
    [InlineData("platform: upwork\nseniority: principal\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n", ":2:12: seniority")]
    [InlineData("platform: upwork\nseniority: senior\n  sla: 3\n", ":3:")]
    [InlineData("platform: proginn\nseniority: senior\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n",
        ":1:11: platform: no market rate")]
    [InlineData("platform: upwork\nseniority: senior\nsize: {repository: ./does-not-exist}\nsla: {p99_ms: 100, uptime_percent: 99}\n",
        ":3:20: size.repository")]
    public async Task Bad_specs_exit_2_naming_the_place_and_store_nothing(string yaml, string where)
    {
        var spec = Spec(yaml);
        var (exit, stdout, stderr) = await Run("quote", spec, "--db", Db);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(spec + where, stderr);
        Assert.Equal(0, await StoredQuotes());
    }

    [Fact]
    public async Task An_unreadable_spec_exits_2()
    {
        var (exit, _, stderr) = await Run("quote", Path.Combine(_dir, "missing.yml"), "--db", Db);
        Assert.Equal(2, exit);
        Assert.Contains("cannot read", stderr);
    }

    [Fact]
    public async Task An_unknown_deal_exits_2_and_stores_nothing()
    {
        var (exit, _, stderr) = await Run("quote", Data("quote.yml"), "--deal", "424242", "--db", Db);
        Assert.Equal(2, exit);
        Assert.Contains("deal 424242 does not exist", stderr);
        Assert.Equal(0, await StoredQuotes());
    }

    [Fact]
    public async Task A_quote_is_stored_on_an_existing_deal()
    {
        var (dealExit, dealOut, _) = await Run("deals", "add", "--client", "ACME", "--platform", "upwork", "--db", Db,
            "--json");
        Assert.Equal(0, dealExit);
        var dealId = JsonDocument.Parse(dealOut).RootElement.GetProperty("id").GetInt64();

        var (exit, stdout, stderr) = await Run("quote", Data("quote.yml"), "--deal",
            dealId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--db", Db);

        Assert.True(exit == 0, stderr);
        Assert.Equal(dealId, JsonDocument.Parse(stdout).RootElement.GetProperty("dealId").GetInt64());
        var options = new DbContextOptionsBuilder<QuotesDbContext>();
        JiedanDb.Configure<QuotesDbContext>(options, DatabaseTarget.Parse(Db));
        await using var db = new QuotesDbContext(options.Options);
        var stored = await db.Quotes.SingleAsync();
        Assert.Equal(dealId, stored.DealId);
        Assert.Equal(File.ReadAllText(Data("quote.yml")), stored.SpecText); // the inputs exactly as given
        Assert.Equal(57214.37m, stored.PriceExpected);
    }

    [Fact]
    public async Task Calibrate_prints_loo_accuracy_for_both_methods()
    {
        var (exit, stdout, stderr) = await Run("quote", "calibrate", Data("desharnais.csv"), "--hours", "Effort",
            "--function-points", "PointsAdjust", "--factor", "Language", "--method", "lad", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(77, root.GetProperty("projects").GetInt32());
        var classic = root.GetProperty("classicFunctionPoints").GetProperty("accuracy");
        Assert.Equal(0.36, classic.GetProperty("mmre").GetDouble(), 0.01);  // the published baseline with language class
        Assert.Equal(0.47, classic.GetProperty("pred25").GetDouble(), 0.01);
        var lad = root.GetProperty("functionPoints").GetProperty("accuracy");
        Assert.True(lad.GetProperty("mmre").GetDouble() < classic.GetProperty("mmre").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("savedAs").ValueKind);
    }

    [Fact]
    public async Task A_saved_calibration_prices_later_quotes_and_they_show_its_accuracy()
    {
        var (saveExit, saveOut, _) = await Run("quote", "calibrate", Data("desharnais.csv"), "--hours", "Effort",
            "--function-points", "PointsNonAjust", "--save", "--db", Db);
        Assert.Equal(0, saveExit);
        Assert.Contains("saved as calibration 1", saveOut);

        var (exit, stdout, _) = await Run("quote", Data("quote.yml"), "--json", "--db", Db);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var factors = doc.RootElement.GetProperty("factors");
        Assert.Equal(1, factors.GetProperty("calibrationId").GetInt64());
        Assert.Equal(77, factors.GetProperty("functionPointAccuracy").GetProperty("projects").GetInt32());
        Assert.Equal(JsonValueKind.Null, factors.GetProperty("sizeAccuracy").ValueKind); // Desharnais has no line counts
        Assert.NotEqual(57214.37m, doc.RootElement.GetProperty("price").GetProperty("expected").GetDecimal());
    }

    [Fact]
    public async Task A_tenfold_gap_to_cocomo_is_explained_in_both_languages()
    {
        var (exit, stdout, _) = await Run("quote", Data("quote.yml"), "--db", Db);

        Assert.Equal(0, exit);
        // 497.3 h blended against COCOMO's 5 165.1 h for 12.48 KLOC.
        Assert.Contains("differ 10.4×", stdout);
        Assert.Contains("calibrated on your own", stdout);
        Assert.Contains("generic industry parameters", stdout);
        Assert.Contains("您自己的历史项目", stdout);
        Assert.Contains("effort range 工时区间: not measured", stdout); // the defaults were measured on no history

        var (_, json, _) = await Run("quote", Data("quote.yml"), "--json", "--db", Db);
        using var doc = JsonDocument.Parse(json);
        var cross = doc.RootElement.GetProperty("crossCheck");
        Assert.True(cross.GetProperty("disagrees").GetBoolean());
        Assert.Equal(10.39, cross.GetProperty("ratio").GetDouble());
        Assert.Contains("KSLOC", cross.GetProperty("noteEn").GetString());
        Assert.Contains("KSLOC", cross.GetProperty("noteZh").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("effortRange").ValueKind);
        Assert.Equal(57214.37m, doc.RootElement.GetProperty("price").GetProperty("expected").GetDecimal()); // unchanged contract
    }

    [Fact]
    public async Task A_calibrated_quote_carries_its_effort_range_and_measured_coverage()
    {
        var (saveExit, saveOut, saveErr) = await Run("quote", "calibrate", Data("desharnais.csv"), "--hours", "Effort",
            "--function-points", "PointsNonAjust", "--factor", "Language", "--ordinal", "TeamExp", "--ordinal", "ManagerExp",
            "--method", "lad", "--save", "--db", Db);
        Assert.True(saveExit == 0, saveErr);
        Assert.Contains("coverage", saveOut);
        var spec = Spec("""
            platform: upwork
            seniority: senior
            function_points:
              - feature: Place order
                chain: OrderCreated → InventoryDeduct
                steps: { OrderCreated: EI average, InventoryDeduct: ILF average }
            sla: { p99_ms: 300, uptime_percent: 99.9 }
            factors: { Language: "1", TeamExp: "2", ManagerExp: "3" }
            """);

        var (exit, stdout, stderr) = await Run("quote", spec, "--json", "--db", Db);

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var range = root.GetProperty("effortRange");
        var effort = root.GetProperty("effortHours").GetDouble();
        Assert.True(range.GetProperty("low").GetDouble() < effort && effort < range.GetProperty("high").GetDouble());
        Assert.Equal(effort, range.GetProperty("expected").GetDouble());
        Assert.Equal(0.8, range.GetProperty("nominal").GetDouble());
        Assert.InRange(range.GetProperty("coverage").GetDouble(), 0.75, 0.85);
        Assert.Equal(77, range.GetProperty("projects").GetInt32());
        var band = root.GetProperty("price");
        var overRange = root.GetProperty("rangePrice");
        Assert.True(overRange.GetProperty("low").GetDecimal() < band.GetProperty("low").GetDecimal());
        Assert.True(overRange.GetProperty("high").GetDecimal() > band.GetProperty("high").GetDecimal());
        Assert.Equal(band.GetProperty("expected").GetDecimal(), overRange.GetProperty("expected").GetDecimal());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("crossCheck").ValueKind); // no line count, no COCOMO

        var (_, table, _) = await Run("quote", spec, "--db", Db);
        Assert.Matches(@"effort range 工时区间: [\d,.]+ – [\d,.]+ h, 80% interval; covered [\d.]+% of 77 past projects", table);
        Assert.Contains("price over the effort range", table);
    }

    [Theory]
    [InlineData("actual_hours,function_points\n100,10\n120,x\n", "history.csv:3:2:")]
    [InlineData("hours,points\n100,10\n", "history.csv:1:1:")]
    public async Task A_bad_history_exits_2_with_line_and_column(string csv, string where)
    {
        var path = Path.Combine(_dir, "history.csv");
        File.WriteAllText(path, csv);
        var (exit, _, stderr) = await Run("quote", "calibrate", path);
        Assert.Equal(2, exit);
        Assert.Contains(where, stderr);
    }

    [Fact]
    public async Task Too_few_projects_exit_2()
    {
        var path = Path.Combine(_dir, "history.csv");
        File.WriteAllText(path, "actual_hours,function_points\n100,10\n200,25\n");
        var (exit, _, stderr) = await Run("quote", "calibrate", path);
        Assert.Equal(2, exit);
        Assert.Contains("too few", stderr);
    }
}
