package io.tglive.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Terraform's {@code cidr*} functions over IPv4 and IPv6 prefixes, with Go's address formatting. */
final class NetworkFunctions {

  private NetworkFunctions() {}

  /** A parsed prefix: the network address (host bits cleared), its length and the address width. */
  private record Prefix(BigInteger network, int length, int bits) {

    BigInteger size() {
      return BigInteger.ONE.shiftLeft(bits - length);
    }

    BigInteger last() {
      return network.add(size()).subtract(BigInteger.ONE);
    }

    boolean contains(BigInteger address) {
      return address.compareTo(network) >= 0 && address.compareTo(last()) <= 0;
    }

    String describe() {
      return format(network, bits) + "/" + length;
    }
  }

  static void register(FunctionTable t) {
    t.terraform("cidrhost", c -> {
      c.expectArgs(2, 2);
      Prefix prefix = prefix(c, 0);
      BigInteger host = c.number(1).toBigInteger();
      BigInteger address = host.signum() < 0 ? prefix.last().add(BigInteger.ONE).add(host) : prefix.network().add(host);
      if (!prefix.contains(address)) {
        throw c.error("prefix of " + prefix.length() + " does not accommodate a host numbered " + host);
      }
      return Value.string(format(address, prefix.bits()));
    });
    t.terraform("cidrnetmask", c -> {
      c.expectArgs(1, 1);
      Prefix prefix = prefix(c, 0);
      if (prefix.bits() != 32) {
        throw c.argumentError(0, "IPv6 addresses cannot have a netmask: " + c.string(0));
      }
      BigInteger mask = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE).xor(prefix.size().subtract(BigInteger.ONE));
      return Value.string(format(mask, 32));
    });
    t.terraform("cidrsubnet", c -> {
      c.expectArgs(3, 3);
      Prefix prefix = prefix(c, 0);
      int newbits = NumericFunctions.integer(c, 1);
      BigInteger netnum = c.number(2).toBigInteger();
      int length = prefix.length() + newbits;
      if (newbits < 0 || length > prefix.bits()) {
        throw c.error("insufficient address space to extend prefix of " + prefix.length() + " by " + newbits);
      }
      if (netnum.signum() < 0 || netnum.bitLength() > newbits) {
        throw c.error("prefix extension of " + newbits + " does not accommodate a subnet numbered " + netnum);
      }
      BigInteger network = prefix.network().or(netnum.shiftLeft(prefix.bits() - length));
      return Value.string(new Prefix(network, length, prefix.bits()).describe());
    });
    t.terraform("cidrsubnets", c -> {
      c.expectArgs(1, Integer.MAX_VALUE);
      Prefix base = prefix(c, 0);
      List<Value> out = new ArrayList<>();
      // cidr.PreviousSubnet: the block of the base length just before the base network.
      BigInteger currentNetwork = base.network().subtract(BigInteger.ONE);
      int currentLength = base.length();
      for (int i = 1; i < c.args().size(); i++) {
        int extend = NumericFunctions.integer(c, i);
        if (extend < 1) {
          throw c.argumentError(i, "must extend prefix by at least one bit");
        }
        if (extend > 32) {
          throw c.argumentError(i, "may not extend prefix by more than 32 bits");
        }
        int length = base.length() + extend;
        if (length > base.bits()) {
          throw c.argumentError(i, "would extend prefix to " + length + " bits, which is too long for an IPv"
              + (base.bits() == 32 ? 4 : 6) + " address");
        }
        Prefix current = masked(currentNetwork, currentLength, base.bits());
        Prefix inNewSize = masked(current.last(), length, base.bits());
        BigInteger next = inNewSize.last().add(BigInteger.ONE);
        boolean rollover = next.bitLength() > base.bits();
        if (rollover || !base.contains(next)) {
          throw c.argumentError(i, "not enough remaining address space for a subnet with a prefix of " + length
              + " bits after " + current.describe());
        }
        currentNetwork = next;
        currentLength = length;
        out.add(Value.string(new Prefix(next, length, base.bits()).describe()));
      }
      return Value.list(out);
    });
    t.terraform("cidrcontains", c -> {
      c.expectArgs(2, 2);
      Prefix container = prefix(c, 0);
      String other = c.string(1);
      Prefix contained = other.contains("/") ? prefix(c, 1) : null;
      BigInteger address = contained != null ? contained.network() : address(c, 1, other);
      int bits = contained != null ? contained.bits() : other.contains(":") ? 128 : 32;
      if (bits != container.bits()) {
        throw c.error("address family mismatch: " + c.string(0) + " vs. " + other);
      }
      boolean inside = container.contains(address)
          && (contained == null || contained.length() >= container.length());
      return Value.bool(inside);
    });
  }

  private static Prefix masked(BigInteger address, int length, int bits) {
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
    BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger wrapped = address.signum() < 0 ? address.add(BigInteger.ONE.shiftLeft(bits)) : address;
    return new Prefix(wrapped.and(all.xor(hostMask)), length, bits);
  }

  private static Prefix prefix(Invocation c, int index) {
    String text = c.string(index);
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw c.argumentError(index, "invalid CIDR expression: invalid CIDR address: " + text);
    }
    BigInteger address = address(c, index, text.substring(0, slash));
    int bits = text.indexOf(':') >= 0 ? 128 : 32;
    String len = text.substring(slash + 1);
    int length;
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)
        || (length = Integer.parseInt(len)) > bits || len.length() > 1 && len.charAt(0) == '0') {
      throw c.argumentError(index, "invalid CIDR expression: invalid CIDR address: " + text);
    }
    return masked(address, length, bits);
  }

  private static BigInteger address(Invocation c, int index, String text) {
    if (text.indexOf(':') < 0) {
      String[] parts = text.split("\\.", -1);
      if (parts.length != 4) {
        throw c.argumentError(index, "invalid IP address: " + text);
      }
      long value = 0;
      for (String part : parts) {
        if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
            || part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
          throw c.argumentError(index, "invalid IP address: " + text);
        }
        value = value << 8 | Integer.parseInt(part);
      }
      return BigInteger.valueOf(value);
    }
    if (!text.chars().allMatch(ch -> ch == ':' || ch == '.' || Character.digit(ch, 16) >= 0)) {
      throw c.argumentError(index, "invalid IP address: " + text);
    }
    try {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      if (bytes.length == 4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        bytes = mapped;
      }
      return new BigInteger(1, bytes);
    } catch (UnknownHostException e) {
      throw c.argumentError(index, "invalid IP address: " + text);
    }
  }

  /** Go's {@code net.IP.String}: dotted IPv4, RFC 5952 IPv6 (longest zero run compressed). */
  static String format(BigInteger address, int bits) {
    if (bits == 32) {
      long v = address.longValue();
      return (v >> 24 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 8 & 0xff) + "." + (v & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = address.shiftRight((7 - i) * 16).intValue() & 0xffff;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
