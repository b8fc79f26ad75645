using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;
using Jiedan.Domain.Bot.WeCom;
using Jiedan.Testing.Properties;

namespace Jiedan.Domain.Tests.Bot;

/// <summary>Webhook bodies from the internet: each parser returns a message or a BotFormatException naming the field.</summary>
public class BotParserProperties
{
    private const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string CorpId = "wx5823bf96d3bd56c7";
    private static readonly WeComCrypto Crypto = new("QDG6eK", AesKey, CorpId);

    private static readonly string[] XmlTokens =
    [
        "<xml>", "</xml>", "<ToUserName>", "</ToUserName>", "<FromUserName>", "</FromUserName>", "<CreateTime>", "</CreateTime>",
        "<MsgType>", "</MsgType>", "text", "event", "<Content>", "</Content>", "<MsgId>", "</MsgId>", "<Event>", "</Event>",
        "<Encrypt>", "</Encrypt>", "<![CDATA[", "]]>", "1409659813", "99999999999999999", "-5", "<!DOCTYPE x>", "<?xml version=\"1.0\"?>",
    ];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"update_id\":", "\"message\":", "\"callback_query\":", "\"date\":", "\"chat\":", "\"from\":",
        "\"id\":", "\"text\":", "\"data\":", "\"message_id\":", "\"first_name\":", "\"username\":", "1", "-1", "1.5", "1e400",
        "99999999999999", "-99999999999999", "9223372036854775807", "null", "true", "\"x\"", "\"\\u0000\"", "\"\\ud800\"",
    ];

    private static void Named(BotFormatException e) => Assert.Matches(@"^[A-Za-z_.]+( -?\d+)?: ", e.Message);

    [Fact]
    public void A_decrypted_wecom_message_is_read_or_refused_with_the_field() =>
        Gen.OneOf(HostileText.Like(XmlTokens), HostileText.Text(),
            Gen.Const(File.ReadAllText(Seed("wecom-message", "text.xml"))).SelectMany(HostileText.Mutated))
            .Sample(xml => ParserContract.ValueOr<BotFormatException>(() => new WeComAdapter(1).Parse(xml), Named),
                iter: HostileText.Iterations, threads: 1);

    [Fact]
    public void A_wecom_envelope_yields_its_encrypted_part_or_a_format_error() =>
        Gen.OneOf(HostileText.Like(XmlTokens), HostileText.Text(),
            Gen.Const(File.ReadAllText(Seed("wecom-envelope", "message.xml"))).SelectMany(HostileText.Mutated))
            .Sample(xml => ParserContract.ValueOr<BotFormatException>(() => WeComEnvelope.EncryptedPart(xml), Named),
                iter: HostileText.Iterations, threads: 1);

    /// <summary>Past the AES layer, which a fuzzer cannot get through: any plaintext under the right key.</summary>
    [Fact]
    public void Any_ciphertext_under_the_right_key_decrypts_or_is_refused() =>
        Gen.Select(Gen.Byte.Array[0, 80], Gen.Int, Gen.Byte[0, 40], (body, length, pad) => Encrypt(Frame(body, length, pad)))
            .Sample(encrypted =>
                ParserContract.ValueOr<WeComCryptoException>(() => Crypto.Decrypt(encrypted), e => Assert.Contains(": ", e.Message)),
                iter: HostileText.Iterations, threads: 1);

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue - 10)]
    public void A_length_field_that_overflows_is_a_bad_length_not_a_crash(int length)
    {
        var encrypted = Encrypt(Frame(Encoding.UTF8.GetBytes("<xml/>" + CorpId), length, 32));
        var e = Assert.Throws<WeComCryptoException>(() => Crypto.Decrypt(encrypted));
        Assert.Equal("Encrypt: bad length", e.Message);
    }

    [Fact]
    public void A_telegram_update_is_read_or_refused_with_the_field() =>
        Gen.OneOf(HostileText.Like(JsonTokens), HostileText.Text(),
                Gen.Const(File.ReadAllText(Seed("telegram-update", "message.json"))).SelectMany(HostileText.Mutated),
                Gen.Const(File.ReadAllText(Seed("telegram-update", "callback.json"))).SelectMany(HostileText.Mutated))
            .Sample(json =>
            {
                TelegramUpdateId.Read(Encoding.UTF8.GetBytes(json));
                ParserContract.ValueOr<BotFormatException>(() => new TelegramAdapter().Parse(json), Named);
            }, iter: HostileText.Iterations, threads: 1);

    [Theory]
    [InlineData("""{"update_id":1,"message":{"message_id":2,"chat":{"id":3},"date":99999999999999,"text":"hi"}}""")]
    [InlineData("""{"update_id":1,"message":{"message_id":2,"chat":{"id":3},"date":-99999999999999,"text":"hi"}}""")]
    [InlineData("""
        {"update_id":1,"callback_query":{"id":"q","from":{"id":3},"message":{"chat":{"id":3},"date":9223372036854775807},"data":"c"}}
        """)]
    public void A_telegram_date_out_of_range_is_a_format_error_naming_the_field(string update)
    {
        var e = Assert.Throws<BotFormatException>(() => new TelegramAdapter().Parse(update));
        Assert.StartsWith("message.date: ", e.Message);
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("9223372036854775807")]
    public void A_wecom_create_time_out_of_range_is_a_format_error_naming_the_field(string createTime)
    {
        var xml = $"<xml><FromUserName>u</FromUserName><CreateTime>{createTime}</CreateTime><MsgType>text</MsgType><Content>hi</Content><" +
            $"/xml>";
        var e = Assert.Throws<BotFormatException>(() => new WeComAdapter(1).Parse(xml));
        Assert.StartsWith("CreateTime: ", e.Message);
    }

    internal static string Seed(string target, string file) => Path.Combine(AppContext.BaseDirectory, "FuzzSeeds", target, file);

    /// <summary>WeCom's plaintext layout with a chosen length field and padding byte: 16 random, length, body, corp id, pad.</summary>
    private static byte[] Frame(byte[] body, int length, byte pad)
    {
        var content = new byte[20 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(content.AsSpan(16, 4), length);
        body.CopyTo(content, 20);
        var total = (content.Length / 32 + 1) * 32;
        var plain = new byte[total];
        content.CopyTo(plain, 0);
        plain.AsSpan(content.Length).Fill(pad);
        return plain;
    }

    private static string Encrypt(byte[] plain)
    {
        var key = Convert.FromBase64String(AesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
