using System.Xml.Linq;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.WeCom;

namespace Jiedan.Domain.Tests.Bot;

public class WeComCryptoTests
{
    // The sample values published with WeCom's official WXBizMsgCrypt library (weworkapi_python, Sample.py).
    private const string SampleToken = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string SampleAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string SampleCorpId = "ww1436e0e65a779aee";

    private static readonly WeComCrypto Sample = new(SampleToken, SampleAesKey, SampleCorpId);

    [Fact]
    public void Verifies_and_decrypts_the_published_url_verification_sample()
    {
        const string echo = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
        Assert.True(Sample.VerifySignature("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", echo));
        var plain = Sample.Decrypt(echo);
        Assert.Matches("^[0-9]+$", plain);
    }

    [Fact]
    public void Verifies_and_decrypts_the_published_message_sample()
    {
        const string sampleEncrypt =
            "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLN" +
            "shw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh" +
            "010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNf" +
            "SsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
        const string envelope = $"""
            <xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>
            <Encrypt><![CDATA[{sampleEncrypt}]]></Encrypt>
            <AgentID><![CDATA[1000002]]></AgentID>
            </xml>
            """;
        var encrypted = WeComEnvelope.EncryptedPart(envelope);
        Assert.True(Sample.VerifySignature("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914", encrypted));
        var message = new WeComAdapter(1000002).Parse(Sample.Decrypt(encrypted));
        Assert.Equal("wecom", message.Platform);
        Assert.False(string.IsNullOrEmpty(message.ChatId));
        Assert.False(string.IsNullOrEmpty(message.UpdateKey));
    }

    [Fact]
    public void A_wrong_signature_is_refused()
    {
        Assert.False(Sample.VerifySignature("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec", "1476416373", "47744683",
            "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA=="));
        Assert.False(Sample.VerifySignature(null, "1", "2", "3"));
    }

    [Fact]
    public void Round_trip_keeps_chinese_text_and_pads_to_32_bytes()
    {
        var random = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        const string message = "<xml><Content><![CDATA[需求：做一个 API]]></Content></xml>";
        var encrypted = Sample.Encrypt(message, random);
        Assert.Equal(0, Convert.FromBase64String(encrypted).Length % 32);
        Assert.Equal(message, Sample.Decrypt(encrypted));
    }

    [Fact]
    public void The_passive_reply_envelope_is_signed_and_decryptable()
    {
        var reply = Sample.EncryptReply("你好", "1476422779", "1597212914", new byte[16]);
        var xml = XElement.Parse(reply);
        var encrypted = xml.Element("Encrypt")!.Value;
        Assert.True(Sample.VerifySignature(xml.Element("MsgSignature")!.Value, xml.Element("TimeStamp")!.Value,
            xml.Element("Nonce")!.Value, encrypted));
        Assert.Equal("你好", Sample.Decrypt(encrypted));
    }

    [Fact]
    public void A_message_for_another_receive_id_is_refused()
    {
        var other = new WeComCrypto(SampleToken, SampleAesKey, "ww0000000000000000");
        var encrypted = other.Encrypt("hello", new byte[16]);
        var e = Assert.Throws<WeComCryptoException>(() => Sample.Decrypt(encrypted));
        Assert.Contains("receive id", e.Message);
    }

    [Fact]
    public void Tampered_ciphertext_fails_the_signature_and_does_not_decrypt_to_the_original()
    {
        var encrypted = Sample.Encrypt("hello", new byte[16]);
        var signature = Sample.Signature("1", "2", encrypted);
        var bytes = Convert.FromBase64String(encrypted);
        bytes[^20] ^= 0x01;
        var tampered = Convert.ToBase64String(bytes);
        Assert.False(Sample.VerifySignature(signature, "1", "2", tampered));
        Assert.ThrowsAny<Exception>(() => Assert.Equal("hello", Sample.Decrypt(tampered)));
    }

    [Fact]
    public void A_key_of_the_wrong_length_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new WeComCrypto("t", "short", "id"));
        Assert.Contains("EncodingAESKey", e.Message);
    }

    [Fact]
    public void An_envelope_without_encrypt_is_a_format_error()
    {
        Assert.Throws<BotFormatException>(() => WeComEnvelope.EncryptedPart("<xml><ToUserName>x</ToUserName></xml>"));
        Assert.Throws<BotFormatException>(() => WeComEnvelope.EncryptedPart("<xml"));
    }
}
