package dev.kubeyard.engine.transport;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The identities a login offers (ADR 37): the running ssh-agent's keys ({@code ssh.agent: true}, over its
 * Unix socket with the JDK's own Unix-domain sockets, no native library), or a key file, opened with its
 * passphrase when it is encrypted. A passphrase comes from {@code env:NAME}, {@code file:/path} or a prompt,
 * never from the spec, and is wiped once the key is loaded.
 */
final class SshKeys {
  private SshKeys() {}

  static void offer(JSch jsch, SshTarget target, SshSettings settings) throws JSchException {
    if (target.agent()) {
      useAgent(jsch, target.host(), settings.agentSocket());
      return;
    }
    Path key = target.privateKey();
    if (key == null) {
      return;
    }
    if (!Files.isReadable(key)) {
      throw new TransportException(target.host(), "cannot read the SSH private key " + key,
          "check ssh.privateKey in cluster.yaml (or generate one with ssh-keygen -t ed25519)", null);
    }
    KeyPair pair = KeyPair.load(jsch, key.toString());
    if (!pair.isEncrypted()) {
      jsch.addIdentity(key.toString());
      return;
    }
    String from = target.keyPassphraseFrom();
    if (from == null) {
      throw new TransportException(target.host(), "the SSH key " + key + " is encrypted and cluster.yaml does not say "
          + "where its passphrase comes from", "set ssh.privateKeyPassphraseFrom (env:NAME, file:/path or prompt), or "
          + "load the key into ssh-agent (ssh-add " + key + ") and set ssh.agent: true", null);
    }
    byte[] passphrase = passphrase(target, key, from, settings.keyPrompt());
    try {
      if (!pair.decrypt(passphrase)) {
        throw new TransportException(target.host(), "the passphrase from " + describe(from) + " does not open the SSH key "
            + key, "give the key's own passphrase (ssh-keygen -y -f " + key + " checks one); nothing was sent to the host",
            null);
      }
      jsch.addIdentity(key.toString(), passphrase);
    } finally {
      Arrays.fill(passphrase, (byte) 0);
      pair.dispose();
    }
  }

  private static void useAgent(JSch jsch, String host, Path socket) {
    if (socket == null || !Files.exists(socket)) {
      throw new TransportException(host, "ssh.agent is true but no ssh-agent is reachable (" + (socket == null
          ? "SSH_AUTH_SOCK is not set" : socket + " does not exist") + ")", "start one and add your key: "
          + "eval \"$(ssh-agent)\" && ssh-add ~/.ssh/id_ed25519, then run kubeyard from that shell", null);
    }
    try {
      AgentIdentityRepository agent = new AgentIdentityRepository(
          new SSHAgentConnector(new UnixDomainSocketFactory(), socket));
      if (agent.getIdentities().isEmpty()) {
        throw new TransportException(host, "the ssh-agent at " + socket + " holds no key", "add one with ssh-add "
            + "(ssh-add -l lists what it holds)", null);
      }
      jsch.setIdentityRepository(agent);
    } catch (AgentProxyException e) {
      throw new TransportException(host, "cannot talk to the ssh-agent at " + socket + " (" + e.getMessage() + ")",
          "check that the agent runs (ssh-add -l) and that SSH_AUTH_SOCK is its socket", e);
    }
  }

  private static byte[] passphrase(SshTarget target, Path key, String from, KeyPassphrasePrompt prompt) {
    if (from.equals("prompt")) {
      char[] typed = prompt.ask(target.host(), key);
      if (typed == null || typed.length == 0) {
        throw new TransportException(target.host(), "no passphrase was given for the SSH key " + key,
            "run again and type the key's passphrase", null);
      }
      byte[] bytes = new String(typed).getBytes(StandardCharsets.UTF_8);
      Arrays.fill(typed, '\0');
      return bytes;
    }
    return PasswordSource.resolve(target.host(), "privateKeyPassphraseFrom", from).getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(String from) {
    return from.equals("prompt") ? "the prompt" : from;
  }
}
