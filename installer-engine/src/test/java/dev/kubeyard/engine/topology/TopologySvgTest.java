package dev.kubeyard.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Specs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** topology.svg is well-formed SVG that names what an administrator checks before an install. */
class TopologySvgTest {
  private static final ClusterFacts EXAMPLE = ClusterFacts.of(Specs.legacy());

  @Test
  void theSvgIsWellFormedXmlWithAnSvgRoot() throws Exception {
    Document doc = parse(TopologySvg.of(EXAMPLE));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getAttribute("viewBox")).isNotEmpty();
  }

  @Test
  void itNamesEveryHostAddressTheVipBothCidrsAndTheIngressNodePorts() throws Exception {
    String text = String.join("\n", texts(parse(TopologySvg.of(EXAMPLE))));
    for (var h : EXAMPLE.hosts()) {
      assertThat(text).as(h.name()).contains(h.name()).contains(h.address());
    }
    assertThat(text).contains("VIP 192.168.1.10", "172.20.0.0/16", "10.68.0.0/16", ":23456", ":23457",
        "kube-apiserver *:8443", "master1:6443", "ingress-http *:80", "ingress-https *:443");
  }

  @Test
  void theFirstVipHolderIsTheLbHostWithTheHighestPriorityAndNopreemptIsSaid() throws Exception {
    List<String> text = texts(parse(TopologySvg.of(EXAMPLE)));
    assertThat(text).contains("first holder lb1 (priority 120)", "keepalived priority 110",
        "keepalived VRID 111, nopreempt");
  }

  @Test
  void theWindowsWorkerIsMarkedAndTheAppsSayWhereTheyRun() throws Exception {
    List<String> text = texts(parse(TopologySvg.of(EXAMPLE)));
    assertThat(text).contains("win1", "Windows worker", "Elasticsearch", "SQL Server", "GitLab", "Python service",
        "on node1, node2, node3", "ingress host gateway.example.com");
  }

  @Test
  void theSameSpecGivesTheSameBytes() {
    assertThat(TopologySvg.of(ClusterFacts.of(Specs.legacy()))).isEqualTo(TopologySvg.of(EXAMPLE));
  }

  @Test
  void aLivePictureSaysWhichKubeletsAreReadyAndThatTheVipHolderIsNotKnown() {
    ClusterTopology t = ClusterTopology.of(EXAMPLE);
    TopologyDrawing d = TopologyLayout.draw(t, LiveState.of(Map.of("master1", true, "192.168.1.4", false)));
    List<Mark.Box> boxes = d.marks().stream().filter(m -> m instanceof Mark.Box).map(m -> (Mark.Box) m).toList();
    assertThat(box(boxes, "master-master1").tone()).isEqualTo(Tone.READY);
    assertThat(box(boxes, "worker-node2").tone()).isEqualTo(Tone.NOT_READY);
    assertThat(box(boxes, "worker-node2").lines()).contains("NotReady");
    assertThat(box(boxes, "worker-node3").lines()).contains("not reported");
    assertThat(box(boxes, "vip").lines()).contains("holder now: not known to the API");
  }

  @Test
  void aClusterWithoutLoadBalancerHasNoVipAndNoFrontends() {
    ClusterFacts single = ClusterFacts.of(Specs.example(y -> y
        .substring(0, y.indexOf("loadBalancer:")) + y.substring(y.indexOf("network:"))
        .replace("""
              - name: lb1
                address: 192.168.1.11
                roles: [lb]
                ssh: {user: root, port: 22, privateKey: ~/.ssh/id_ed25519}
              - name: lb2
                address: 192.168.1.12
                roles: [lb]
            """, "")
        .replace("""
              - name: master2
                address: 192.168.1.2
                roles: [etcd, master]
            """, "").replace("""
              - name: master3
                address: 192.168.1.7
                roles: [etcd, master]
            """, "")));
    ClusterTopology t = ClusterTopology.of(single);
    assertThat(t.vip()).isNull();
    assertThat(t.frontends()).isEmpty();
    assertThat(TopologySvg.of(single)).contains("master1").doesNotContain("VIP ");
  }

  private static Mark.Box box(List<Mark.Box> boxes, String id) {
    return boxes.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
