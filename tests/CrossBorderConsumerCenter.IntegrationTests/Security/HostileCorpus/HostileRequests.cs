using System.Net.Http.Headers;
using System.Text;

namespace CrossBorderConsumerCenter.IntegrationTests.Security.HostileCorpus;

/// <summary>
/// Request bodies written byte by byte, as a hostile client could: text is encoded as UTF-8 that also writes half of a
/// surrogate pair (which .NET's own encoders would replace), and a multipart body carries file names as a browser does
/// (raw UTF-8 in quotes, with only the quote and line breaks escaped).
/// </summary>
public static class HostileRequests
{
    public sealed record Upload(string FieldName, string FileName, string ContentType, byte[] Content);

    /// <summary>application/x-www-form-urlencoded (also a GET form's query string).</summary>
    public static string UrlEncoded(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));

    public static HttpContent FormContent(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(UrlEncoded(fields)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    public static HttpContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<Upload> files)
    {
        var boundary = "----hostile" + Guid.NewGuid().ToString("N");
        using var body = new MemoryStream();
        void Write(string ascii) => body.Write(Encoding.ASCII.GetBytes(ascii));
        foreach (var (name, value) in fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"");
            body.Write(Bytes(HeaderEscape(name)));
            Write("\"\r\n\r\n");
            body.Write(Bytes(value));
            Write("\r\n");
        }

        foreach (var file in files)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"");
            body.Write(Bytes(HeaderEscape(file.FieldName)));
            Write("\"; filename=\"");
            body.Write(Bytes(HeaderEscape(file.FileName)));
            Write($"\"\r\nContent-Type: {file.ContentType}\r\n\r\n");
            body.Write(file.Content);
            Write("\r\n");
        }

        Write($"--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>What the HTML standard does to a name in a multipart header: quote and line breaks percent-escaped.</summary>
    private static string HeaderEscape(string value) => value.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Bytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'*')
            {
                text.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>UTF-8, except that half of a surrogate pair is written as its own three bytes instead of being replaced.</summary>
    public static byte[] Bytes(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            int code = value[i];
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                code = char.ConvertToUtf32(value[i], value[i + 1]);
                i++;
            }

            if (code < 0x80)
            {
                bytes.Add((byte)code);
            }
            else if (code < 0x800)
            {
                bytes.Add((byte)(0xC0 | (code >> 6)));
                bytes.Add((byte)(0x80 | (code & 0x3F)));
            }
            else if (code < 0x10000)
            {
                bytes.Add((byte)(0xE0 | (code >> 12)));
                bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (code & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xF0 | (code >> 18)));
                bytes.Add((byte)(0x80 | ((code >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (code & 0x3F)));
            }
        }

        return [.. bytes];
    }
}
