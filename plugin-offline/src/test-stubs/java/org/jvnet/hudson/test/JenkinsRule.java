// Hand-written compile-time stub of a Jenkins test-scope API type: real name, exact signatures, no behaviour.
// Compiled only, with plugin/src/test/java (see plugin-offline/README.md); checked by plugin/src/test StubSignaturesTest.
package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.model.User;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import hudson.slaves.DumbSlave;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.xml.sax.SAXException;

@SuppressWarnings("rawtypes")
public class JenkinsRule {

  public Jenkins jenkins;

  public JenkinsRule() {
    throw new UnsupportedOperationException();
  }

  public Jenkins getInstance() {
    throw new UnsupportedOperationException();
  }

  public URL getURL() throws IOException {
    throw new UnsupportedOperationException();
  }

  public File getWebAppRoot() throws Exception {
    throw new UnsupportedOperationException();
  }

  public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
    throw new UnsupportedOperationException();
  }

  public <T extends TopLevelItem> T createProject(Class<T> type) throws IOException {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public DumbSlave createOnlineSlave() throws Exception {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public DumbSlave createOnlineSlave(@CheckForNull Label l) throws Exception {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable> R
      buildAndAssertSuccess(@NonNull J job) throws Exception {
    throw new UnsupportedOperationException();
  }

  @NonNull
  public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable> R
      buildAndAssertStatus(@NonNull Result status, @NonNull J job) throws Exception {
    throw new UnsupportedOperationException();
  }

  public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
    throw new UnsupportedOperationException();
  }

  public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
    throw new UnsupportedOperationException();
  }

  public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
    throw new UnsupportedOperationException();
  }

  public <R extends Run> R assertBuildStatus(Result status, Future<? extends R> r) throws Exception {
    throw new UnsupportedOperationException();
  }

  public <R extends Run> R assertBuildStatusSuccess(R r) throws Exception {
    throw new UnsupportedOperationException();
  }

  public <R extends Run> R assertBuildStatusSuccess(Future<? extends R> r) throws Exception {
    throw new UnsupportedOperationException();
  }

  public void assertLogContains(String substring, Run run) throws IOException {
    throw new UnsupportedOperationException();
  }

  public void assertLogNotContains(String substring, Run run) throws IOException {
    throw new UnsupportedOperationException();
  }

  public static String getLog(Run run) throws IOException {
    throw new UnsupportedOperationException();
  }

  public void waitUntilNoActivity() throws Exception {
    throw new UnsupportedOperationException();
  }

  public void configRoundtrip() throws Exception {
    throw new UnsupportedOperationException();
  }

  public <P extends Item> P configRoundtrip(P job) throws Exception {
    throw new UnsupportedOperationException();
  }

  public void assertEqualDataBoundBeans(Object lhs, Object rhs)
      throws InvocationTargetException, NoSuchMethodException, IllegalAccessException {
    throw new UnsupportedOperationException();
  }

  public DummySecurityRealm createDummySecurityRealm() {
    throw new UnsupportedOperationException();
  }

  public HtmlPage submit(HtmlForm form, String name) throws Exception {
    throw new UnsupportedOperationException();
  }

  public WebClient createWebClient() {
    throw new UnsupportedOperationException();
  }

  public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {

    DummySecurityRealm() {
      throw new UnsupportedOperationException();
    }

    public void addGroups(String username, String... groups) {
      throw new UnsupportedOperationException();
    }
  }

  public class WebClient extends org.htmlunit.WebClient {

    public WebClient() {
      throw new UnsupportedOperationException();
    }

    public HtmlPage getPage(Run r) throws IOException, SAXException {
      throw new UnsupportedOperationException();
    }

    public HtmlPage getPage(Run r, String relative) throws IOException, SAXException {
      throw new UnsupportedOperationException();
    }

    public HtmlPage getPage(Item item) throws IOException, SAXException {
      throw new UnsupportedOperationException();
    }

    public HtmlPage getPage(Item item, String relative) throws IOException, SAXException {
      throw new UnsupportedOperationException();
    }

    public HtmlPage goTo(String relative) throws IOException, SAXException {
      throw new UnsupportedOperationException();
    }

    public Page goTo(String relative, @CheckForNull String expectedContentType) throws IOException, SAXException {
      throw new UnsupportedOperationException();
    }

    public WebClient login(String username, String password) throws Exception {
      throw new UnsupportedOperationException();
    }

    public WebClient login(String username, String password, boolean rememberMe) throws Exception {
      throw new UnsupportedOperationException();
    }

    public WebClient login(String username) throws Exception {
      throw new UnsupportedOperationException();
    }

    public @NonNull WebClient withBasicCredentials(@NonNull String login, @NonNull String passwordOrToken) {
      throw new UnsupportedOperationException();
    }

    public @NonNull WebClient withBasicApiToken(@NonNull String userId) {
      throw new UnsupportedOperationException();
    }

    public WebRequest addCrumb(WebRequest req) {
      throw new UnsupportedOperationException();
    }

    public URL createCrumbedUrl(String relativePath) throws IOException {
      throw new UnsupportedOperationException();
    }

    public void setThrowExceptionOnFailingStatusCode(boolean enabled) {
      throw new UnsupportedOperationException();
    }

    public WebClient withThrowExceptionOnFailingStatusCode(boolean enabled) {
      throw new UnsupportedOperationException();
    }

    public void setJavaScriptEnabled(boolean enabled) {
      throw new UnsupportedOperationException();
    }

    public WebClient withJavaScriptEnabled(boolean enabled) {
      throw new UnsupportedOperationException();
    }

    public void setRedirectEnabled(boolean enabled) {
      throw new UnsupportedOperationException();
    }

    public WebClient withRedirectEnabled(boolean enabled) {
      throw new UnsupportedOperationException();
    }

    @Deprecated
    @SuppressWarnings("unchecked")
    @Override
    public Page getPage(String url) throws IOException, FailingHttpStatusCodeException {
      throw new UnsupportedOperationException();
    }

    public void assertFails(String url, int statusCode) throws Exception {
      throw new UnsupportedOperationException();
    }

    public String getContextPath() throws IOException {
      throw new UnsupportedOperationException();
    }

    public <V> V executeOnServer(final Callable<V> c) throws Exception {
      throw new UnsupportedOperationException();
    }

    public @NonNull WebClient withBasicApiToken(@NonNull User user) {
      throw new UnsupportedOperationException();
    }
  }
}
