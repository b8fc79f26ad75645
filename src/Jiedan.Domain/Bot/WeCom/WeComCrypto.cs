using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Jiedan.Domain.Bot.WeCom;

/// <summary>
/// WeCom (企业微信) callback encryption, from the platform's published algorithm:
/// signature = hex SHA-1 of the sorted (token, timestamp, nonce, ciphertext) concatenated;
/// AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padded to 32 bytes;
/// plaintext = 16 random bytes + 4-byte big-endian message length + message + receive id (corp id).
/// </summary>
public sealed class WeComCrypto
{
    private const int PadBlock = 32;
    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _receiveId;

    /// <exception cref="ArgumentException">EncodingAESKey is not 43 Base64 characters.</exception>
    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        if (encodingAesKey.Length != 43) throw new ArgumentException("EncodingAESKey: must be 43 characters", nameof(encodingAesKey));
        try { _key = Convert.FromBase64String(encodingAesKey + "="); }
        catch (FormatException) { throw new ArgumentException("EncodingAESKey: not Base64", nameof(encodingAesKey)); }
        _token = token;
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
    }

    public string Signature(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [_token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // WeCom signs callbacks with SHA-1; the protocol fixes the algorithm, not us
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    public bool VerifySignature(string? signature, string timestamp, string nonce, string encrypted)
    {
        if (signature is null) return false;
        var expected = Encoding.ASCII.GetBytes(Signature(timestamp, nonce, encrypted));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }

    /// <exception cref="WeComCryptoException">not decryptable, badly padded, or for another receive id.</exception>
    public string Decrypt(string encrypted)
    {
        byte[] plain;
        try
        {
            using var aes = CreateAes();
            plain = aes.DecryptCbc(Convert.FromBase64String(encrypted), _key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new WeComCryptoException("Encrypt: not a valid ciphertext");
        }
        var pad = plain.Length == 0 ? 0 : plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length) throw new WeComCryptoException("Encrypt: bad padding");
        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20) throw new WeComCryptoException("Encrypt: too short");
        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        if (length < 0 || length > content.Length - 20) throw new WeComCryptoException("Encrypt: bad length");
        if (!content[(20 + length)..].SequenceEqual(_receiveId)) throw new WeComCryptoException("receive id: does not match this bot");
        return Encoding.UTF8.GetString(content.Slice(20, length));
    }

    /// <param name="random16">16 random bytes; the caller supplies them so this stays deterministic and testable.</param>
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        if (random16.Length != 16) throw new ArgumentException("16 random bytes expected", nameof(random16));
        var body = Encoding.UTF8.GetBytes(message);
        var length = 20 + body.Length + _receiveId.Length;
        var pad = PadBlock - length % PadBlock;
        var plain = new byte[length + pad];
        random16.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), body.Length);
        body.CopyTo(plain.AsSpan(20));
        _receiveId.CopyTo(plain.AsSpan(20 + body.Length));
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The passive-reply envelope: encrypted message, its signature, timestamp and nonce.</summary>
    public string EncryptReply(string message, string timestamp, string nonce, ReadOnlySpan<byte> random16)
    {
        var encrypted = Encrypt(message, random16);
        return $"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt>" +
            $"<MsgSignature><![CDATA[{Signature(timestamp, nonce, encrypted)}]]></MsgSignature>" +
            $"<TimeStamp>{timestamp}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>";
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}

/// <summary>A WeCom payload that fails verification or decryption; the message never contains key material.</summary>
public sealed class WeComCryptoException(string message) : Exception(message);
