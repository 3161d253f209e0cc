package dev.kubeyard.engine.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;

/**
 * The files SQL Server's {@code CREATE CERTIFICATE ... FROM FILE} reads (ADR 41): the certificate as DER
 * (a .cer file) and its RSA key in Microsoft's PVK format, unencrypted, so no RC4 password is involved
 * (the key is protected by its Secret's mode and, once imported, by the database master key).
 * https://learn.microsoft.com/sql/t-sql/statements/create-certificate-transact-sql: "a DER-encoded file",
 * "The private key bits should be in a PVK file format", "DECRYPTION BY PASSWORD ... optional if the private
 * key is protected by a null password".
 */
public final class SqlServerKeyFiles {
  private static final int PVK_MAGIC = 0xB0B5F11E;
  private static final int KEYTYPE_KEYEXCHANGE = 1;
  private static final int PRIVATEKEYBLOB = 0x07;
  private static final int BLOB_VERSION = 0x02;
  private static final int CALG_RSA_KEYX = 0x0000A400;
  /** "RSA2": an RSAPUBKEY that a private key blob's parts follow. */
  private static final int RSA2 = 0x32415352;

  private SqlServerKeyFiles() {}

  /** The certificate of a PEM file as DER, the bytes of a .cer file. */
  public static byte[] certificateDer(String certificatePem) {
    try {
      return Pem.readCertificate(certificatePem).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PKCS#8 PEM RSA key as an unencrypted PVK file: header, then a PRIVATEKEYBLOB, every number little-endian. */
  public static byte[] pvk(String privateKeyPem) {
    PrivateKey key = Pem.readPrivateKey(privateKeyPem);
    if (!(key instanceof RSAPrivateCrtKey rsa)) {
      throw new IllegalArgumentException("SQL Server imports RSA keys only, not " + key.getAlgorithm());
    }
    int bits = rsa.getModulus().bitLength();
    int full = bits / 8;
    int half = bits / 16;
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    blob.write(PRIVATEKEYBLOB);
    blob.write(BLOB_VERSION);
    word(blob, 0);
    dword(blob, CALG_RSA_KEYX);
    dword(blob, RSA2);
    dword(blob, bits);
    dword(blob, rsa.getPublicExponent().intValueExact());
    littleEndian(blob, rsa.getModulus(), full);
    littleEndian(blob, rsa.getPrimeP(), half);
    littleEndian(blob, rsa.getPrimeQ(), half);
    littleEndian(blob, rsa.getPrimeExponentP(), half);
    littleEndian(blob, rsa.getPrimeExponentQ(), half);
    littleEndian(blob, rsa.getCrtCoefficient(), half);
    littleEndian(blob, rsa.getPrivateExponent(), full);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    dword(file, PVK_MAGIC);
    dword(file, 0);
    dword(file, KEYTYPE_KEYEXCHANGE);
    dword(file, 0); // not encrypted
    dword(file, 0); // no salt
    dword(file, blob.size());
    file.writeBytes(blob.toByteArray());
    return file.toByteArray();
  }

  private static void word(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
  }

  private static void dword(ByteArrayOutputStream out, int v) {
    word(out, v);
    word(out, v >>> 16);
  }

  /** {@code n} as exactly {@code length} bytes, least significant first. */
  private static void littleEndian(ByteArrayOutputStream out, BigInteger n, int length) {
    byte[] big = n.toByteArray();
    for (int i = 0; i < length; i++) {
      int from = big.length - 1 - i;
      out.write(from >= 0 ? big[from] : 0);
    }
  }
}
