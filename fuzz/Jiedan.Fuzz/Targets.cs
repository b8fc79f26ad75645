using System.Text;
using Jiedan.Deals.Import;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;
using Jiedan.Domain.Bot.WeCom;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Domain.Gate.Testing;
using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Fuzz;

/// <summary>
/// One fuzz target per parser that reads outside input. Each feeds the input to the parser and swallows only the
/// error the parser documents (its positioned error type, or the import readers' error list); anything else
/// escapes, and afl-fuzz records it as a crash.
/// </summary>
public static class Targets
{
    private const string Source = "fuzz-input";

    public static readonly IReadOnlyDictionary<string, Action<Stream>> All = new Dictionary<string, Action<Stream>>
    {
        ["wecom-envelope"] = WeComEnvelopeTarget,
        ["wecom-message"] = s => Expect<BotFormatException>(() => new WeComAdapter(1000002).Parse(Text(s))),
        ["telegram-update"] = TelegramUpdateTarget,
        ["import-csv"] = s => CsvImportReader.Read(new StreamReader(s, Encoding.UTF8), []),
        ["import-json"] = s => JsonImportReader.Read(Bytes(s), []),
        ["quote-spec"] = s => Expect<QuoteSpecException>(() => QuoteSpecParser.Parse(Text(s), Source)),
        ["gate-policy"] = s => Gate(() => GatePolicyReader.Parse(Reader(s), Source)),
        ["gomod"] = s => Gate(() => GoModFile.Parse(Reader(s), Source)),
        ["go-coverage"] = s => Gate(() => GoCoverageProfile.Summarize([(s, Source)])),
        ["sarif"] = s => Gate(() => SarifReport.Parse(s, Source)),
        ["lcov"] = s => Gate(() => LcovReport.Parse(Reader(s), Source)),
        ["cobertura"] = s => Gate(() => CoberturaReport.Parse(s, Source)),
        ["go-test-json"] = s => Gate(() => GoTestJson.Parse(Reader(s), Source)),
        ["gitignore"] = s => IgnoreTarget.Run(Bytes(s)),
    };

    /// <summary>
    /// The key and corp id of WeCom's published sample, so seeds can carry real ciphertext. Lazy: instrumented code
    /// must not run before SharpFuzz has attached to afl-fuzz's shared memory.
    /// </summary>
    private static readonly Lazy<WeComCrypto> WeCom =
        new(() => new("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7"));

    private static void WeComEnvelopeTarget(Stream s)
    {
        var xml = Text(s);
        try
        {
            var encrypted = WeComEnvelope.EncryptedPart(xml);
            WeCom.Value.VerifySignature("0123456789abcdef0123456789abcdef01234567", "1409659813", "1372623149", encrypted);
            WeCom.Value.Decrypt(encrypted);
        }
        catch (Exception e) when (e is BotFormatException or WeComCryptoException) { }
    }

    private static void TelegramUpdateTarget(Stream s)
    {
        var bytes = Bytes(s);
        TelegramUpdateId.Read(bytes);
        Expect<BotFormatException>(() => new TelegramAdapter().Parse(Encoding.UTF8.GetString(bytes)));
    }

    private static void Gate(Func<object> parse) => Expect<GateInputException>(parse);

    private static void Expect<TError>(Func<object> parse) where TError : Exception
    {
        try { parse(); }
        catch (TError) { }
    }

    private static byte[] Bytes(Stream s)
    {
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(Stream s) => Encoding.UTF8.GetString(Bytes(s));

    private static StreamReader Reader(Stream s) => new(s, Encoding.UTF8);
}
