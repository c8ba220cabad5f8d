<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>ClusterBox</name>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>Train as one worker of a cluster (several machines)</source>
      <translation>作为集群中的一个工作节点训练（多台机器）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>Start the same training on every machine, each with its own index; worker 0, the chief, writes the run folder. Every machine needs the dataset at the same path or an identical copy.</source>
      <translation>在每台机器上启动相同的训练，各用自己的编号；0 号工作节点（主节点）写入运行文件夹。每台机器都需要在相同路径上有数据集，或一份完全相同的副本。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>Every worker's address and port, the chief first, the same list on every machine</source>
      <translation>每个工作节点的地址和端口，主节点在前，每台机器上的列表相同</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>This machine's place in the list: 0 is the chief</source>
      <translation>本机在列表中的位置：0 为主节点</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>How long to wait for the other machines before giving up</source>
      <translation>放弃之前等待其他机器的时间</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>Workers (HOST:PORT, chief first):</source>
      <translation>工作节点（主机:端口，主节点在前）：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>This machine's index:</source>
      <translation>本机编号：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/cluster_box.py" />
      <source>Wait for the others:</source>
      <translation>等待其他节点：</translation>
    </message>
  </context>
  <context>
    <name>DataPage</name>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>No dataset chosen: choose a folder, or type or paste its path</source>
      <translation>尚未选择数据集：选择一个文件夹，或输入或粘贴其路径</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>The dataset folder the next run trains on (type or paste a path and press Enter)</source>
      <translation>下一次运行要训练的数据集文件夹（输入或粘贴路径后按回车）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Choose folder…</source>
      <translation>选择文件夹…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Choose a folder of labelled images (for example one sub-folder per class)</source>
      <translation>选择一个已标注图像的文件夹（例如每个类别一个子文件夹）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Choose a CSV list of images, or a dataset archive (CIFAR-10 .tar.gz)</source>
      <translation>选择图像的 CSV 列表，或数据集压缩包（CIFAR-10 .tar.gz）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Use demo data</source>
      <translation>使用演示数据</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>The built-in demo: generated images of four kinds of shapes</source>
      <translation>内置演示：生成的四种形状的图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>How the folder is laid out; the best match is chosen for you</source>
      <translation>文件夹的组织方式；已为你选好最匹配的一种</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Scan</source>
      <translation>扫描</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Check every image: which classes, how many, which files cannot be used</source>
      <translation>检查每张图像：有哪些类别、各有多少、哪些文件无法使用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Stop the scan</source>
      <translation>停止扫描</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Check labels…</source>
      <translation>检查标签…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Find the images whose label is probably wrong, near-duplicates across classes and outliers, and review them</source>
      <translation>找出标签可能有误的图像、跨类别的近似重复和离群图像，并逐一审阅</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>%v / %m images checked</source>
      <translation>已检查 %v / %m 张图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Overview</source>
      <translation>概览</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Files to check</source>
      <translation>待检查的文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Split &amp;&amp; augmentation</source>
      <translation>划分与数据增强</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Folder:</source>
      <translation>文件夹：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Layout:</source>
      <translation>组织方式：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Dataset</source>
      <translation>数据集</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Sample images</source>
      <translation>样例图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Choose a dataset folder</source>
      <translation>选择数据集文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>{0}: no such folder or file</source>
      <translation>{0}：没有这个文件夹或文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Type or paste the path of a dataset folder, then press Enter</source>
      <translation>输入或粘贴数据集文件夹的路径，然后按回车</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Choose a dataset file</source>
      <translation>选择数据集文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Datasets (*.csv *.tar.gz *.tgz *.gz);;All files (*)</source>
      <translation>数据集 (*.csv *.tar.gz *.tgz *.gz);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>The demo dataset plugin is not installed or failed to load (see Plugins).</source>
      <translation>演示数据集插件未安装或加载失败（见“插件”页）。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Could not write the demo dataset: {0}</source>
      <translation>无法写入演示数据集：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Scanning…</source>
      <translation>正在扫描…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Reading {0}…</source>
      <translation>正在读取 {0}…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Choose a dataset folder, or use the demo data, to see its classes and images.</source>
      <translation>选择一个数据集文件夹或使用演示数据，即可查看其类别和图像。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>{0}
(as training sees it: resized to a square)</source>
      <translation>{0}
（训练时看到的样子：缩放为正方形）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>No usable images.</source>
      <translation>没有可用的图像。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>not used</source>
      <translation>未使用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>passed over</source>
      <translation>已跳过</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>used; check</source>
      <translation>已使用，请检查</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Files to check ({0:,})</source>
      <translation>待检查的文件（{0:,}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>&lt;b&gt;{0:,}&lt;/b&gt; usable training images in &lt;b&gt;{1}&lt;/b&gt; classes</source>
      <translation>&lt;b&gt;{1}&lt;/b&gt; 个类别中共有 &lt;b&gt;{0:,}&lt;/b&gt; 张可用的训练图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>, &lt;b&gt;{0:,}&lt;/b&gt; test images</source>
      <translation>，&lt;b&gt;{0:,}&lt;/b&gt; 张测试图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>; &lt;b&gt;{0:,}&lt;/b&gt; files cannot be used (see Files to check)</source>
      <translation>；&lt;b&gt;{0:,}&lt;/b&gt; 个文件无法使用（见“待检查的文件”）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Could not read the dataset: {0}</source>
      <translation>无法读取数据集：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>No images to show: the dataset could not be read.</source>
      <translation>没有可显示的图像：无法读取数据集。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Scan cancelled. Scan reads the dataset again; training checks it anyway.</source>
      <translation>扫描已取消。点击“扫描”会重新读取数据集；训练时也会检查它。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Scan cancelled.</source>
      <translation>扫描已取消。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/data_page.py" />
      <source>Layouts understood:</source>
      <translation>可识别的布局：</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Open a dataset folder</source>
      <translation>打开数据集文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Open a .keras model for predicting</source>
      <translation>打开用于预测的 .keras 模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Go to the Data, Model, Train, Runs, Evaluate, Predict or Plugins page</source>
      <translation>转到数据、模型、训练、运行记录、评估、预测或插件页</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Quit (asks first while training)</source>
      <translation>退出（训练中会先询问）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>This list</source>
      <translation>本列表</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Predict page: 1-9, 0, letters</source>
      <translation>预测页：1-9、0、字母键</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Label the selected images with a class</source>
      <translation>给选中的图像标上一个类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Predict page: U</source>
      <translation>预测页：U</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Mark the selected images uncertain</source>
      <translation>将选中的图像标为“不确定”</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Predict page: Enter / Backspace</source>
      <translation>预测页：Enter / Backspace</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Accept the prediction / undo your label</source>
      <translation>接受预测 / 撤销你的标注</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Drop a folder or a .keras file on the window</source>
      <translation>把文件夹或 .keras 文件拖放到窗口上</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Open it as a dataset or a model</source>
      <translation>将其作为数据集或模型打开</translation>
    </message>
  </context>
  <context>
    <name>About</name>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>System</source>
      <translation>系统</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Train image classifiers on your own folders, then label and sort folders of images. Everything runs on this computer; nothing is sent anywhere.</source>
      <translation>用你自己的文件夹训练图像分类器，再用它标注并整理图像文件夹。一切都在本机运行，不会向任何地方发送数据。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Training on</source>
      <translation>训练设备</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/desktop.py" />
      <source>Python at {0}</source>
      <translation>Python 位置：{0}</translation>
    </message>
  </context>
  <context>
    <name>DetailPanel</name>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>Heat map for</source>
      <translation>热力图：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>A heat map over the parts of the image that are evidence for the class</source>
      <translation>在图像中作为该类别证据的部分上叠加热图</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>Occlusion: how much hiding each part of the image lowers the class's score (64 passes of the model; about a second on a CPU)</source>
      <translation>遮挡：遮住图像的每个部分会使该类别的得分降低多少（模型运行 64 次；在 CPU 上约一秒）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>Grad-CAM: the last convolution's maps weighed by the class score's gradient (one pass; as coarse as that layer's grid)</source>
      <translation>Grad-CAM：用类别得分的梯度加权最后一个卷积层的特征图（运行一次；精细程度与该层的网格相同）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>How the heat map is made</source>
      <translation>热图的生成方法</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>Explain the predicted class, or another one</source>
      <translation>解释预测的类别，或另一个类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>Select an image</source>
      <translation>请选择一张图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>made by</source>
      <translation>方法</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>the predicted class</source>
      <translation>预测的类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>Making the heat map: {0} of {1} views</source>
      <translation>正在生成热图：第 {0} 个视图，共 {1} 个</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>Heat map for {0}</source>
      <translation>{0} 的热力图</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>{0} map for {1} ({2:.1%}): red is where the evidence lies</source>
      <translation>{1} 的{0}热图（{2:.1%}）：红色处是证据所在</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>No heat map: {0}</source>
      <translation>无热力图：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>set by you</source>
      <translation>由你设置</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source>predicted</source>
      <translation>预测</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/detail_panel.py" />
      <source> · model: {0} {1:.1%}</source>
      <translation> · 模型：{0} {1:.1%}</translation>
    </message>
  </context>
  <context>
    <name>DevicePanel</name>
    <message>
      <location filename="../../alexnet_desktop/gui/device_panel.py" />
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/device_panel.py" />
      <source>Not training yet; the status bar names the device TensorFlow found.</source>
      <translation>尚未开始训练；状态栏会显示 TensorFlow 找到的设备。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/device_panel.py" />
      <source>&lt;b&gt;Training on:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;训练设备：&lt;/b&gt;{0}</translation>
    </message>
  </context>
  <context>
    <name>EvaluatePage</name>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>validation split</source>
      <translation>验证集</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>The run whose best model is evaluated</source>
      <translation>要评估其最佳模型的运行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Choose a labelled folder</source>
      <translation>选择已标注的文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>(empty: the run's validation images)</source>
      <translation>（留空：使用该运行的验证图像）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Labelled images to evaluate on; a dataset with a test part is judged on that part</source>
      <translation>用于评估的已标注图像；带测试部分的数据集用其测试部分评估</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Evaluate</source>
      <translation>评估</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Measure the model on the images</source>
      <translation>在这些图像上衡量模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Stop after the current batch</source>
      <translation>在当前批次之后停止</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Model card</source>
      <translation>模型卡</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Open the run's model card (dataset, split, architecture, settings, curves, confusion matrix, per-class table): an HTML page for a lab notebook</source>
      <translation>打开该运行的模型卡（数据集、划分、架构、设置、曲线、混淆矩阵、各类别表格）：一份可放入实验记录的 HTML 页面</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Choose a run and press Evaluate. A run is evaluated on its validation images when it finishes.</source>
      <translation>选择一个运行并点击“评估”。每次运行结束时会自动在其验证图像上评估。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Show shares of each row</source>
      <translation>按行显示比例</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Numbers in the matrix as the share of each true class instead of counts</source>
      <translation>矩阵中的数字显示为占各真实类别的比例，而非数量</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Click a cell of the matrix to see its images, least confident first.</source>
      <translation>点击矩阵中的单元格查看其图像，置信度最低的在前。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Click a cell of the confusion matrix to see its images here.</source>
      <translation>点击混淆矩阵中的单元格，在这里查看其图像。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Move to class folder…</source>
      <translation>移到类别文件夹…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>The selected images are labelled wrongly in the data: move them to the right class folder (undo puts them back)</source>
      <translation>选中的图像在数据中标错了：把它们移到正确的类别文件夹（可撤销）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Undo move</source>
      <translation>撤销移动</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Put the files of the last move back</source>
      <translation>把上次移动的文件放回原处</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Check labels…</source>
      <translation>检查标签…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Find the images of the run's dataset whose label is probably wrong, measured with this run's network, and review them</source>
      <translation>用此次运行的网络找出其数据集中标签可能有误的图像，并逐一审阅</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Run:</source>
      <translation>运行：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Images:</source>
      <translation>图像：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Class</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Precision</source>
      <translation>精确率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Recall</source>
      <translation>召回率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>F1</source>
      <translation>F1</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Images</source>
      <translation>图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Evaluating…</source>
      <translation>正在评估…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>top-{0} {1:.1%}</source>
      <translation>top-{0} {1:.1%}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source> · {0} file(s) not evaluated</source>
      <translation> · {0} 个文件未评估</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>&lt;b&gt;{0}&lt;/b&gt;: {1} images · &lt;b&gt;accuracy {2:.1%}&lt;/b&gt; · loss {3:.4f}</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt;：{1} 张图像 · &lt;b&gt;准确率 {2:.1%}&lt;/b&gt; · 损失 {3:.4f}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source> · macro F1 {0:.3f}</source>
      <translation> · 宏平均 F1 {0:.3f}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>&lt;b&gt;{0}&lt;/b&gt; correct: labelled &lt;b&gt;{1}&lt;/b&gt;, predicted &lt;b&gt;{2}&lt;/b&gt; (least confident first)</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt; 张正确：标注为 &lt;b&gt;{1}&lt;/b&gt;，预测为 &lt;b&gt;{2}&lt;/b&gt;（置信度最低的在前）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>&lt;b&gt;{0}&lt;/b&gt; mistaken: labelled &lt;b&gt;{1}&lt;/b&gt;, predicted &lt;b&gt;{2}&lt;/b&gt; (least confident first)</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt; 张错误：标注为 &lt;b&gt;{1}&lt;/b&gt;，预测为 &lt;b&gt;{2}&lt;/b&gt;（置信度最低的在前）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Move to class folder</source>
      <translation>移到类别文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>The right class:</source>
      <translation>正确的类别：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>&lt;b&gt;Could not move:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;无法移动：&lt;/b&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Moved {0} file(s) to the right class folder; evaluate again to see the effect, or Undo move. Train again to learn from the corrected data.</source>
      <translation>已将 {0} 个文件移到正确的类别文件夹；再次评估可查看效果，也可撤销移动。重新训练即可从修正后的数据中学习。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Put {0} file(s) back.</source>
      <translation>已放回 {0} 个文件。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>&lt;b&gt;Could not evaluate:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;无法评估：&lt;/b&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>Cancelled: nothing was saved.</source>
      <translation>已取消：未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>No trained run yet: train one on the Train page.</source>
      <translation>还没有训练好的运行：请先在“训练”页训练一个。</translation>
    </message>
  </context>
  <context>
    <name>ConfusionMatrix</name>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>true class</source>
      <translation>真实类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>predicted class</source>
      <translation>预测类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/evaluate_page.py" />
      <source>The confusion matrix appears here after an evaluation</source>
      <translation>评估完成后，混淆矩阵会显示在这里</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Export model</source>
      <translation>导出模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>The file format to write; the class names and preprocessing are written beside it</source>
      <translation>要写入的文件格式；类别名称和预处理信息会写在它旁边</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Where to write it; an existing file is never overwritten</source>
      <translation>写入位置；绝不覆盖已有文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Choose the folder and name</source>
      <translation>选择文件夹和名称</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Write the export (in the background)</source>
      <translation>写出导出文件（在后台进行）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Close without exporting</source>
      <translation>不导出并关闭</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Model of &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt; 的模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Format:</source>
      <translation>格式：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Save as:</source>
      <translation>另存为：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Writes, in {0}:
  {1}{2}
  {3}
  {4}</source>
      <translation>将在 {0} 中写入：
  {1}{2}
  {3}
  {4}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source> (a folder)</source>
      <translation>（文件夹）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/export_dialog.py" />
      <source>Export model as</source>
      <translation>导出模型为</translation>
    </message>
  </context>
  <context>
    <name>RunStatus</name>
    <message>
      <location filename="../../alexnet_desktop/gui/i18n.py" />
      <source>running</source>
      <translation>运行中</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/i18n.py" />
      <source>finished</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/i18n.py" />
      <source>stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/i18n.py" />
      <source>failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/i18n.py" />
      <source>diverged</source>
      <translation>已发散</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/i18n.py" />
      <source>interrupted</source>
      <translation>被中断</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/i18n.py" />
      <source>unknown</source>
      <translation>未知</translation>
    </message>
  </context>
  <context>
    <name>CheckLabelsDialog</name>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Check labels: {0}</source>
      <translation>检查标签：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Thorough (also retrain the network on each fold; slower, more of what it lists is right)</source>
      <translation>彻底（另在每一折上重新训练网络；较慢，列出的结果更准确）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Find the images whose label is probably wrong</source>
      <translation>找出标签可能有误的图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Stop the check</source>
      <translation>停止检查</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Nothing checked yet</source>
      <translation>尚未检查</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Near-duplicates across classes and outliers; click one to select it</source>
      <translation>跨类别的近似重复和离群图像；点击一项即可选中它</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Enter: keep the given label · 1-9, 0, letters: relabel · U: leave out of training (shown as ?) · Backspace: forget the decision. Decisions are saved as you make them, to {0}; a retrain can use that file (train --corrections).</source>
      <translation>Enter：保留原标签 · 1-9、0、字母：改为该类别 · U：不用于训练（显示为 ?） · Backspace：撤销决定。决定会立即保存到 {0}；重新训练时可以使用该文件（train --corrections）。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Near-duplicates and outliers</source>
      <translation>近似重复和离群图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>quick model: epoch %v of %m</source>
      <translation>快速模型：第 %v 轮，共 %m 轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>Stopped: nothing was checked.</source>
      <translation>已停止：没有检查任何图像。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>&lt;b&gt;Could not check the labels:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;无法检查标签：&lt;/b&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>No image's label looks wrong</source>
      <translation>没有图像的标签看起来有误</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>{0} image(s) whose label is probably wrong, {1} near-duplicate pair(s) across classes, {2} outlier(s)</source>
      <translation>{0} 张图像的标签可能有误，{1} 对跨类别的近似重复，{2} 张离群图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>{0} path, {1} folds, run {2} ({3}); {4} image(s) not judged (too few of their class); {5:.0f} s</source>
      <translation>{0} 方式，{1} 折，运行 {2}（{3}）；{4} 张图像未判断（其类别图像太少）；{5:.0f} 秒</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>near-duplicate: {0} ({1}) and {2} ({3})</source>
      <translation>近似重复：{0}（{1}）与 {2}（{3}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>outlier: {0} ({1}), score {2:.3f}</source>
      <translation>离群：{0}（{1}），得分 {2:.3f}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>not decided</source>
      <translation>尚未决定</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>left out of training</source>
      <translation>不用于训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>train as {0}</source>
      <translation>按 {0} 训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/label_check.py" />
      <source>given &lt;b&gt;{0}&lt;/b&gt; ({1:.1%}) · suggested &lt;b&gt;{2}&lt;/b&gt; · {3}</source>
      <translation>原标签 &lt;b&gt;{0}&lt;/b&gt;（{1:.1%}） · 建议 &lt;b&gt;{2}&lt;/b&gt; · {3}</translation>
    </message>
  </context>
  <context>
    <name>_TensorFlowLoader</name>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>TensorFlow could not be loaded: {0}</source>
      <translation>无法加载 TensorFlow：{0}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Choose and check the images to train on</source>
      <translation>选择并检查用于训练的图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Choose the network and its training settings</source>
      <translation>选择网络及其训练设置</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Train</source>
      <translation>训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Train and watch the curves</source>
      <translation>训练并观察曲线</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Runs</source>
      <translation>运行记录</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Every run: resume, delete, compare curves</source>
      <translation>所有运行：继续、删除、比较曲线</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Evaluate</source>
      <translation>评估</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Confusion matrix, per-class figures and the images behind them</source>
      <translation>混淆矩阵、各类别指标及其背后的图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Predict</source>
      <translation>预测</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Label a folder of images with a trained model</source>
      <translation>用训练好的模型标注一个图像文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Plugins</source>
      <translation>插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Installed plugins, and any that failed</source>
      <translation>已安装的插件，以及加载失败的插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Loading TensorFlow…</source>
      <translation>正在加载 TensorFlow…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Open &amp;dataset folder…</source>
      <translation>打开数据集文件夹(&amp;D)…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Choose a folder of images to train on</source>
      <translation>选择用于训练的图像文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Recent datasets</source>
      <translation>最近的数据集</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Open &amp;model…</source>
      <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Choose a .keras model to predict with</source>
      <translation>选择用于预测的 .keras 模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Recent models</source>
      <translation>最近的模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Close the app</source>
      <translation>关闭应用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Appearance</source>
      <translation>外观</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>As the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Light or dark, as the desktop is</source>
      <translation>浅色或深色，与桌面一致</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Always light</source>
      <translation>始终浅色</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Always dark</source>
      <translation>始终深色</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>The language of the app's windows</source>
      <translation>应用窗口使用的语言</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Every keyboard shortcut of the app</source>
      <translation>本应用的全部键盘快捷键</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>&amp;About AlexNet Desktop</source>
      <translation>关于 AlexNet Desktop(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Versions, and the device training runs on</source>
      <translation>版本信息，以及训练所用的设备</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Reopen the window in the new language now? The dataset and settings stay chosen; prediction results on screen are cleared (exported files are kept). Otherwise it applies from the next start.</source>
      <translation>现在以新语言重新打开窗口吗？已选的数据集和设置会保留；屏幕上的预测结果会被清除（已导出的文件不受影响）。否则将在下次启动时生效。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>{0}: drop a folder of images, a run folder or a .keras model</source>
      <translation>{0}：请拖放图像文件夹、运行文件夹或 .keras 模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>About AlexNet Desktop</source>
      <translation>关于 AlexNet Desktop</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Plugins ({0} failed)</source>
      <translation>插件（{0} 个失败）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Not retrained</source>
      <translation>未重新训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>A run is training: retrain with your corrections when it ends (they are kept).</source>
      <translation>正在训练另一个运行：它结束后再用你的更正重新训练（更正会保留）。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>The demo dataset is chosen: press Start training on the Train page.</source>
      <translation>已选择演示数据集：请在“训练”页点击“开始训练”。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>Training is running</source>
      <translation>正在训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/main_window.py" />
      <source>A training run is in progress. Stop it and quit? The best model so far is kept.</source>
      <translation>训练正在进行。要停止并退出吗？目前最好的模型会被保留。</translation>
    </message>
  </context>
  <context>
    <name>LayerTable</name>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Number of classes the last layer is built for (the dataset's, once it is checked)</source>
      <translation>最后一层所对应的类别数（检查数据集后即为其类别数）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Layer</source>
      <translation>层</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Output shape</source>
      <translation>输出形状</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Classes:</source>
      <translation>类别数：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Building the layer table…</source>
      <translation>正在生成层表…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>&lt;b&gt;Total parameters: {0:,}&lt;/b&gt; ({1:,.1f} MB as float32) · trainable {2:,} · non-trainable {3:,} · for {4} classes at {5}x{5}</source>
      <translation>&lt;b&gt;参数总数：{0:,}&lt;/b&gt;（float32 下 {1:,.1f} MB）· 可训练 {2:,} · 不可训练 {3:,} · {4} 个类别，输入 {5}x{5}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>&lt;b&gt;The model could not be built:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;无法构建模型：&lt;/b&gt;{0}</translation>
    </message>
  </context>
  <context>
    <name>ModelPage</name>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>The network to train</source>
      <translation>要训练的网络</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Use the reference's settings</source>
      <translation>使用参考文献的设置</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Set the optimizer, learning rate, schedule, batch size, epochs and input size to those of the architecture's reference</source>
      <translation>将优化器、学习率、学习率调度、批大小、轮数和输入尺寸设为该架构参考文献中的值</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Architecture</source>
      <translation>架构</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Training settings</source>
      <translation>训练设置</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Layers</source>
      <translation>网络层</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>No architecture plugin is loaded (see Plugins).</source>
      <translation>没有加载任何架构插件（见“插件”页）。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>&lt;i&gt;Reference:&lt;/i&gt; {0}</source>
      <translation>&lt;i&gt;参考文献：&lt;/i&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>{0} px as published; the smallest it can take is {1} px. A smaller size trains several times faster on a CPU.</source>
      <translation>原文使用 {0} 像素；最小可用 {1} 像素。尺寸越小，在 CPU 上训练可快数倍。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/model_page.py" />
      <source>Its reference gives no training settings.</source>
      <translation>其参考文献没有给出训练设置。</translation>
    </message>
  </context>
  <context>
    <name>MoreDataBox</name>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>More to learn from</source>
      <translation>更多学习来源</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Also learn from the unlabelled images in a folder</source>
      <translation>同时从一个文件夹中的未标注图像学习</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>FixMatch: where the model is confident about an unlabelled image (lightly changed), that answer becomes the target for a strongly changed copy of it. The images are read where they are, never copied</source>
      <translation>FixMatch：模型对一张未标注图像（轻微变换）有把握时，该答案成为其强变换副本的目标。图像在原处读取，从不复制</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Choose the unlabelled folder…</source>
      <translation>选择未标注文件夹…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>A folder of images without labels</source>
      <translation>一个没有标签的图像文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>How confident a prediction must be to become a target</source>
      <translation>预测需要多大置信度才能成为目标</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Unlabelled images per labelled one in each training step</source>
      <translation>每个训练步中每张已标注图像对应的未标注图像数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>ImageNet (Keras's file on this machine)</source>
      <translation>ImageNet（本机上的 Keras 文件）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>a weights file I choose</source>
      <translation>我选择的权重文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>random weights</source>
      <translation>随机权重</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Never downloaded: Keras's file in ~/.keras/models, or a file you choose</source>
      <translation>从不下载：~/.keras/models 中的 Keras 文件，或您选择的文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Unlabelled folder:</source>
      <translation>未标注文件夹：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Confidence threshold:</source>
      <translation>置信度阈值：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Unlabelled per labelled:</source>
      <translation>每张已标注对应的未标注数：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Backbone weights:</source>
      <translation>主干网络权重：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Backbone frozen for:</source>
      <translation>骨干网络冻结：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Then fine-tuned at:</source>
      <translation>随后微调速率：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source> epochs</source>
      <translation> 轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>The first epochs train only the new classifier, the ImageNet backbone frozen</source>
      <translation>最初几轮只训练新的分类器，ImageNet 骨干网络保持冻结</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source> × the learning rate</source>
      <translation> × 学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>After the frozen epochs the whole network trains, at this fraction of the learning rate so the ImageNet features are not lost</source>
      <translation>冻结轮次结束后整个网络一起训练，学习率乘以此比例，以免丢失 ImageNet 特征</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Which folder of unlabelled images?</source>
      <translation>哪个未标注图像文件夹？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>none chosen</source>
      <translation>未选择</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>{0}: &lt;b&gt;no images in this folder&lt;/b&gt; (choose another)</source>
      <translation>{0}：&lt;b&gt;此文件夹中没有图像&lt;/b&gt;（请选择其他文件夹）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>{0} ({1:,} image files)</source>
      <translation>{0}（{1:,} 个图像文件）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Which weights file?</source>
      <translation>哪个权重文件？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>Keras weights (*.h5)</source>
      <translation>Keras 权重 (*.h5)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>the architecture's ({0} epochs)</source>
      <translation>架构默认（{0} 轮）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>the architecture's ({0:g} × the rate)</source>
      <translation>架构默认（{0:g} × 学习率）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>the backbone learns from scratch</source>
      <translation>主干网络从头开始学习</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>found {0} in {1}</source>
      <translation>已在 {1} 中找到 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/more_data_box.py" />
      <source>&lt;b&gt;not on this machine:&lt;/b&gt; {0} is not in {1}. Copy it there from a machine that has it (see README), choose a file, or train from random weights</source>
      <translation>&lt;b&gt;本机没有：&lt;/b&gt;{1} 中没有 {0}。请从有此文件的机器复制过来（见 README），或选择一个文件，或从随机权重开始训练</translation>
    </message>
  </context>
  <context>
    <name>Plots</name>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>train (running mean)</source>
      <translation>训练（滑动平均）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>train (epoch)</source>
      <translation>训练（每轮）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>validation (epoch)</source>
      <translation>验证（每轮）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>accuracy (0-1)</source>
      <translation>准确率（0-1）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>loss (cross-entropy)</source>
      <translation>损失（交叉熵）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>epoch</source>
      <translation>轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>images/s</source>
      <translation>图像/秒</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>learning rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>unlabelled above threshold</source>
      <translation>高于阈值的未标注图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>Loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>Accuracy</source>
      <translation>准确率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>best</source>
      <translation>最佳</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>Learning rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>Speed</source>
      <translation>速度</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>Accuracy (validation solid, training dashed)</source>
      <translation>准确率（实线为验证，虚线为训练）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>images</source>
      <translation>图像数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>Images per class</source>
      <translation>各类别图像数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>training</source>
      <translation>训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plots.py" />
      <source>test</source>
      <translation>测试</translation>
    </message>
  </context>
  <context>
    <name>PluginsPage</name>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>entry point</source>
      <translation>入口点</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>user folder</source>
      <translation>用户文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>registered</source>
      <translation>已注册</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>Plugin</source>
      <translation>插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>Provides</source>
      <translation>提供</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>Select a failed plugin to see what went wrong.</source>
      <translation>选择一个失败的插件以查看出错原因。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>User plugin folder: {0} (restart to load new plugins)</source>
      <translation>用户插件文件夹：{0}（重启后加载新插件）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>Plugins</source>
      <translation>插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>ok</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>FAILED</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/plugins_page.py" />
      <source>{0} loaded and answered every hook.</source>
      <translation>{0} 已加载，并响应了所有钩子。</translation>
    </message>
  </context>
  <context>
    <name>LabelKeeper</name>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_labels.py" />
      <source>Your earlier labels of this folder cannot be read, so labels given now are not saved: {0}</source>
      <translation>无法读取你之前为此文件夹做的标签，因此现在给出的标签不会保存：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_labels.py" />
      <source>{0:,} label(s) you gave this folder earlier are put back.</source>
      <translation>已恢复你之前为此文件夹给出的 {0:,} 个标签。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_labels.py" />
      <source>Your labels name classes this model does not know: {0}. They are kept (and count when you retrain); choose a model with these classes to see its predictions for them.</source>
      <translation>你的标签中有此模型不认识的类别：{0}。这些标签会保留（重新训练时计入）；选择包含这些类别的模型即可看到对它们的预测。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_labels.py" />
      <source>Your labels could not be saved: {0}</source>
      <translation>无法保存你的标签：{0}</translation>
    </message>
  </context>
  <context>
    <name>PredictPage</name>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>confidence, lowest first</source>
      <translation>置信度，从低到高</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>confidence, highest first</source>
      <translation>置信度，从高到低</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>label</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>least sure first (smallest margin)</source>
      <translation>最不确定优先（间隔最小）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>least sure first (highest entropy)</source>
      <translation>最不确定优先（熵最高）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>A run of this workspace, or a .keras file you chose</source>
      <translation>本工作区中的一次运行，或你选择的 .keras 文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Model file…</source>
      <translation>模型文件…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Use a .keras model (its labels.txt, or class names you give)</source>
      <translation>使用一个 .keras 模型（以及它的 labels.txt，或你提供的类别名称）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Folder of images to label</source>
      <translation>要标注的图像文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>The folder whose images are predicted</source>
      <translation>要预测其中图像的文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Choose folder…</source>
      <translation>选择文件夹…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Choose the folder of images to label</source>
      <translation>选择要标注的图像文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Include sub-folders</source>
      <translation>包含子文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Also predict the images in folders inside the chosen one</source>
      <translation>同时预测所选文件夹内各子文件夹中的图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Predict</source>
      <translation>预测</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Label every image of the folder with the chosen model</source>
      <translation>用所选模型标注该文件夹中的每一张图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Stop after the current batch (or file); what is done is kept</source>
      <translation>在当前批次（或文件）之后停止；已完成的部分会保留</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Save the results as CSV or JSON: path, label, confidence, top-k, all probabilities, and whether each label was predicted or set by you</source>
      <translation>将结果保存为 CSV 或 JSON：路径、标签、置信度、top-k、全部概率，以及每个标签是预测的还是你设置的</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Choose a model and a folder of images, then Predict: the images appear here with their labels as they are predicted.</source>
      <translation>选择模型和图像文件夹，然后点击“预测”：图像会随预测进度连同标签显示在这里。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Every image shown has been looked at or labelled; nothing left to review.</source>
      <translation>显示的每张图像都已查看或标注；没有待复查的图像了。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Predict a folder</source>
      <translation>预测文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Model:</source>
      <translation>模型：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Images:</source>
      <translation>图像：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Show:</source>
      <translation>显示：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Order:</source>
      <translation>排序：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Uncertain below:</source>
      <translation>低于此值为不确定：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Show all images, one class, the uncertain ones, the unreadable ones, or your corrections</source>
      <translation>显示全部图像、某一类别、不确定的、无法读取的，或你修正过的</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Order of the grid</source>
      <translation>网格的排列顺序</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Predictions less confident than this go to the 'uncertain' folder (your own labels always count)</source>
      <translation>置信度低于此值的预测归入“uncertain（不确定）”文件夹（你自己的标注始终有效）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Sort into folders…</source>
      <translation>整理到文件夹…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Copy or move every image into a folder per class (a dry run shows what will happen first)</source>
      <translation>把每张图像复制或移动到各类别的文件夹中（会先预演，显示将要发生的操作）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Undo last sort</source>
      <translation>撤销上次整理</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Put every file of the last sort back where it was</source>
      <translation>把上次整理的每个文件放回原处</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Add corrections to a dataset…</source>
      <translation>把修正加入数据集…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Copy the images you relabelled into a training dataset folder, one sub-folder per class, for the next run</source>
      <translation>把你重新标注的图像复制到训练数据集文件夹（每个类别一个子文件夹），供下次训练使用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Retrain with my corrections…</source>
      <translation>用我的更正重新训练…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Train a run from the model that made these predictions, with its settings, on its own dataset plus the images you relabelled (no file is copied); when it ends, predict the folder again, keeping your labels</source>
      <translation>从做出这些预测的模型出发，用它的设置，在它自己的数据集加上你重新标注的图像上训练一次运行（不复制任何文件）；结束后再次预测该文件夹，保留你的标签</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source> · best {0:.3f}</source>
      <translation> · 最佳 {0:.3f}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Choose a folder of images</source>
      <translation>选择图像文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Loading the model…</source>
      <translation>正在加载模型…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>all</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>corrected by you</source>
      <translation>你修正过的</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>&lt;b&gt;Keys&lt;/b&gt;: </source>
      <translation>&lt;b&gt;按键&lt;/b&gt;：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source> · U: uncertain · Enter: accept · Backspace: undo your label · N: next to review (the least sure image not yet looked at) · double-click: open</source>
      <translation> · U：不确定 · Enter：接受 · Backspace：撤销你的标签 · N：下一张待复查（尚未查看的最不确定图像） · 双击：打开</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>{0:,} of {1:,} images predicted · {2:.0f} images/s · about {3} s left</source>
      <translation>已预测 {0:,} / {1:,} 张图像 · {2:.0f} 张/秒 · 约剩 {3} 秒</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Not predicted: the range of numbers the model expects is needed.</source>
      <translation>未预测：需要知道模型期望的数值范围。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Not predicted: the model's input size is needed.</source>
      <translation>未预测：需要模型的输入尺寸。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source> · {0:,} other entries passed over (hover for why)</source>
      <translation> · 另有 {0:,} 项被跳过（悬停查看原因）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Cancelled after {0:,} images · {1}{2}</source>
      <translation>在 {0:,} 张图像后取消 · {1}{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Done: {0:,} images · {1}{2}</source>
      <translation>完成：{0:,} 张图像 · {1}{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>&lt;b&gt;Prediction failed:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;预测失败：&lt;/b&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source> · {0} corrected by you</source>
      <translation> · 你修正了 {0} 张</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>No trained model yet: train one (Train page) or choose a model file.</source>
      <translation>还没有训练好的模型：先训练一个（“训练”页）或选择模型文件。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>Choose the folder of images to label.</source>
      <translation>请选择要标注的图像文件夹。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_page.py" />
      <source>No such folder.</source>
      <translation>没有这个文件夹。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>Choose a Keras model</source>
      <translation>选择 Keras 模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>Keras models (*.keras)</source>
      <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>Class names</source>
      <translation>类别名称</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>{0} has no {1} beside it. Load its class names from a file (one per line, or a JSON list)? Choose No to type them.</source>
      <translation>{0} 旁边没有 {1}。要从文件（每行一个，或 JSON 列表）载入其类别名称吗？选择“否”则手动输入。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>Label files (*.txt *.json);;All files (*)</source>
      <translation>标签文件 (*.txt *.json);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>Type the class names, one per line, in the order of the model's outputs:</source>
      <translation>请按模型输出的顺序输入类别名称，每行一个：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>Input range</source>
      <translation>输入范围</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>{0} has no Rescaling layer at its input. Which range of numbers was it trained on?</source>
      <translation>{0} 的输入处没有 Rescaling 层。它训练时用的是哪个数值范围？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>Input size</source>
      <translation>输入尺寸</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_questions.py" />
      <source>{0} takes images of any size. Which square size, in pixels, was it trained at?</source>
      <translation>{0} 接受任意尺寸的图像。它训练时使用的正方形尺寸是多少像素？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>
… and {0:,} more</source>
      <translation>
…… 还有 {0:,} 项</translation>
    </message>
  </context>
  <context>
    <name>Retrainer</name>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>Predict a folder, then correct some labels to retrain.</source>
      <translation>先预测一个文件夹，再更正一些标签，才能重新训练。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>Retraining needs predictions made by a run of this workspace, not a model file.</source>
      <translation>重新训练需要由本工作区的某次运行做出的预测，而不是模型文件。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>This model agrees with every label you gave; correct another (keys 1-9) to retrain.</source>
      <translation>这个模型已同意你给出的每个标签；再更正一个（按 1-9 键）即可重新训练。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>Correct at least one label (keys 1-9) to retrain.</source>
      <translation>至少更正一个标签（按键 1-9）才能重新训练。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>Cannot retrain</source>
      <translation>无法重新训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>The dataset {0} trained on is gone: {1}</source>
      <translation>{0} 训练所用的数据集已不存在：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>Retrain with my corrections</source>
      <translation>用我的更正重新训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>Train a new run starting from {0}, with its settings, on its dataset {1} plus the {2} image(s) you relabelled? Your files are not copied or moved: the new run lists the corrections in its run.json, and a corrected image already in the dataset takes your label.</source>
      <translation>从 {0} 出发，用它的设置，在它的数据集 {1} 加上你重新标注的 {2} 张图像上训练一次新运行？你的文件不会被复制或移动：新运行在其 run.json 中列出这些更正，数据集中已有的被更正图像采用你的标签。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>Predict again?</source>
      <translation>再次预测？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_retrain.py" />
      <source>The new model has finished training. Predict {0} again with it? The {1} label(s) you gave are kept.</source>
      <translation>新模型已训练完成。用它再次预测 {0} 吗？你给出的 {1} 个标签将保留。</translation>
    </message>
  </context>
  <context>
    <name>SortDialog</name>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Sort into class folders</source>
      <translation>按类别整理到文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Copy (the originals stay where they are)</source>
      <translation>复制（原文件保留在原处）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Move (each copy is verified before its original is removed)</source>
      <translation>移动（每个副本都经校验后才删除原文件）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Sort</source>
      <translation>整理</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>What will happen (nothing has been changed yet):</source>
      <translation>将要执行的操作（目前尚未做任何更改）：</translation>
    </message>
  </context>
  <context>
    <name>Sorter</name>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Export predictions</source>
      <translation>导出预测结果</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>CSV (*.csv);;JSON (*.json)</source>
      <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Saved {0}</source>
      <translation>已保存 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>&lt;b&gt;Could not save:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;无法保存：&lt;/b&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Sort into which folder?</source>
      <translation>整理到哪个文件夹？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Cannot sort</source>
      <translation>无法整理</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Sorting into {0}… (journal {1})</source>
      <translation>正在整理到 {0}…（日志 {1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Undoing the last sort…</source>
      <translation>正在撤销上次整理…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Add to which dataset folder?</source>
      <translation>加入哪个数据集文件夹？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>; {0} not undone (hover for why)</source>
      <translation>；{0} 个未撤销（悬停查看原因）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Undone: {0} of {1} file(s) put back{2}</source>
      <translation>已撤销：{1} 个文件中的 {0} 个已放回{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Sorted {0:,} file(s). Undo last sort puts them back.</source>
      <translation>已整理 {0:,} 个文件。“撤销上次整理”可将它们放回。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Undo stopped after {0} of {1} file(s); every file is whole. Undo again to finish it.</source>
      <translation>撤销在 {0}/{1} 个文件后停止；每个文件都完好。再次撤销即可完成。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>Sorting stopped after {0} of {1} file(s); every file is whole. Undo puts them back.</source>
      <translation>整理在 {1} 个文件中的第 {0} 个之后停止；每个文件都完好无损。撤销可将它们放回。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/predict_sort.py" />
      <source>&lt;b&gt;Sorting stopped:&lt;/b&gt; {0}. Every file is whole; Undo puts back what was done.</source>
      <translation>&lt;b&gt;整理已停止：&lt;/b&gt;{0}。每个文件都完好无损；撤销可放回已处理的文件。</translation>
    </message>
  </context>
  <context>
    <name>RunsPage</name>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Architecture</source>
      <translation>架构</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Dataset</source>
      <translation>数据集</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Epochs</source>
      <translation>轮数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Best val. accuracy</source>
      <translation>最佳验证准确率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Select one run to see its curves, several (Ctrl or Shift) to compare them.</source>
      <translation>选择一个运行查看其曲线，选择多个（按住 Ctrl 或 Shift）进行比较。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Read the runs folder again</source>
      <translation>重新读取运行文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Show the run's files</source>
      <translation>显示该运行的文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Resume…</source>
      <translation>继续…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Go on with a stopped, failed, diverged or interrupted run, or add epochs to a finished one</source>
      <translation>继续已停止、失败、发散或被中断的运行，或为已完成的运行追加轮数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Move the selected runs to the trash (asks first)</source>
      <translation>把选中的运行移到回收站（会先询问）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Free space…</source>
      <translation>释放空间…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Remove the selected runs' resume state (the checkpoint with the optimizer's state, about three times the model); the models stay and can still be trained further (asks first)</source>
      <translation>删除所选运行的续训状态（含优化器状态的检查点，约为模型的三倍大小）；模型保留，仍可继续训练（会先询问）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Write the run's model as .keras, SavedModel, TFLite or ONNX, with its class names</source>
      <translation>将该运行的模型连同类别名称写为 .keras、SavedModel、TFLite 或 ONNX</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Runs</source>
      <translation>运行记录</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>{0} runs, {1} on disk</source>
      <translation>{0} 个运行，占用磁盘 {1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Resume state freed: trains further with a fresh optimizer</source>
      <translation>续训状态已释放：将用新的优化器继续训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Exporting {0} as {1}…</source>
      <translation>正在将 {0} 导出为 {1}…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Exported to &lt;b&gt;{0}&lt;/b&gt; (with {1} and {2})</source>
      <translation>已导出到 &lt;b&gt;{0}&lt;/b&gt;（附 {1} 和 {2}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>&lt;b&gt;Export failed:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;导出失败：&lt;/b&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Delete runs</source>
      <translation>删除运行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Move {0} run(s) to the trash?

{1}

You can restore them from the trash.</source>
      <translation>把 {0} 个运行移到回收站？

{1}

之后可以从回收站恢复。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Free space</source>
      <translation>释放空间</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Remove the resume state of {0} run(s), about {1}?

{2}

Their models stay: they still predict, evaluate and export, and can be trained further, with a fresh optimizer.</source>
      <translation>删除 {0} 个运行的续训状态，约 {1}？

{2}

它们的模型保留：仍可预测、评估和导出，也可以继续训练（使用新的优化器）。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Not deleted</source>
      <translation>未删除</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>These runs could not be moved to the trash (there may be no trash on this system, or they are being trained), so they were left as they are:</source>
      <translation>这些运行无法移到回收站（系统可能没有回收站，或它们正在训练），因此保持原样：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Not freed</source>
      <translation>未释放</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>These runs were left as they are:</source>
      <translation>这些运行保持原样：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>&lt;b&gt;Stopped:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;已停止：&lt;/b&gt;{0}</translation>
    </message>
  </context>
  <context>
    <name>ResumeDialog</name>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Resume run</source>
      <translation>继续运行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Epochs to train beyond the planned number</source>
      <translation>在计划轮数之外再训练的轮数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Change the learning rate</source>
      <translation>更改学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>&lt;b&gt;{0}&lt;/b&gt;: {1} after {2} of {3} epochs. It goes on from the checkpoint of its last finished epoch, optimizer state included.</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt;：在 {3} 轮中的第 {2} 轮后{1}。它将从最后完成一轮的检查点继续，包括优化器状态。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>&lt;b&gt;{0}&lt;/b&gt;: {1} after {2} of {3} epochs. Its resume state was freed: it goes on from the weights of its best epoch with a fresh optimizer.</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt;：在 {3} 轮中的第 {2} 轮后{1}。其续训状态已释放：将从最佳轮次的权重出发，用新的优化器继续训练。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>More epochs:</source>
      <translation>追加轮数：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Learning rate:</source>
      <translation>学习率：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>{0} is not there any more. If it moved, choose its new place.</source>
      <translation>{0} 已不在原处。如果它被移动了，请选择它的新位置。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Choose the unlabelled folder…</source>
      <translation>选择未标注文件夹…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Where is the unlabelled folder now?</source>
      <translation>未标注文件夹现在在哪里？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>The run goes on with the unlabelled images in {0}</source>
      <translation>运行将使用 {0} 中的未标注图像继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/runs_page.py" />
      <source>Unlabelled folder:</source>
      <translation>未标注文件夹：</translation>
    </message>
  </context>
  <context>
    <name>SplitAugmentPanel</name>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Paper: random crops + horizontal flips</source>
      <translation>论文：随机裁剪 + 水平翻转</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Seed 001: rotate, shift, shear, zoom, flips</source>
      <translation>种子教程 001：旋转、平移、错切、缩放、翻转</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Seed 003: shifts, horizontal flip</source>
      <translation>种子教程 003：平移、水平翻转</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Rotation</source>
      <translation>旋转</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Rotate by up to this many degrees either way</source>
      <translation>向任一方向最多旋转这么多度</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Width shift</source>
      <translation>水平平移</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Shift sideways by up to this fraction of the width</source>
      <translation>左右平移，最多为宽度的这一比例</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Height shift</source>
      <translation>垂直平移</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Shift up or down by up to this fraction of the height</source>
      <translation>上下平移，最多为高度的这一比例</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Shear</source>
      <translation>错切</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Slant by up to this fraction of the side</source>
      <translation>倾斜，最多为边长的这一比例</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Zoom</source>
      <translation>缩放</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Zoom in or out by up to this fraction</source>
      <translation>放大或缩小，最多为这一比例</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Brightness</source>
      <translation>亮度</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Darken or brighten by up to this fraction</source>
      <translation>调暗或调亮，最多为这一比例</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Random crop (the paper's 227 of 256)</source>
      <translation>随机裁剪（论文中从 256 裁出 227）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Train on a random 227x227 part of each image enlarged to 256, as the AlexNet paper did</source>
      <translation>像 AlexNet 论文那样，将每张图像放大到 256 后随机取 227x227 的区域训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Flip left-right</source>
      <translation>左右翻转</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Mirror half the images: right for scenes, animals and most photos</source>
      <translation>镜像翻转一半图像：适用于场景、动物和大多数照片</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Flip upside down</source>
      <translation>上下翻转</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Turn half the images upside down: only where up has no meaning (microscopy, satellite images)</source>
      <translation>把一半图像上下颠倒：仅适用于没有“上方”之分的图像（显微图像、卫星图像）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>A share of the training images</source>
      <translation>训练图像中的一部分</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>The dataset's test part</source>
      <translation>数据集的测试部分</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>What the model is validated on after every epoch</source>
      <translation>每轮结束后用来验证模型的数据</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Share of the images held out to validate on (seed 001 used 0.25)</source>
      <translation>留作验证的图像比例（种子教程 001 用 0.25）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Stratified: every class keeps its share</source>
      <translation>分层：每个类别保持各自的比例</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Split class by class; off: split over all images at once (scikit-learn's default)</source>
      <translation>逐类别划分；关闭时对所有图像一次性划分（scikit-learn 的默认做法）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>The split is reproducible from the seed on the Model page; exact copies of an image stay on one side.</source>
      <translation>划分可由“模型”页上的随机种子重现；完全相同的图像副本会留在同一侧。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Ready-made settings from the paper and the seed tutorials</source>
      <translation>来自论文和种子教程的现成设置</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Another image</source>
      <translation>换一张图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Preview the augmentation on another image of the dataset</source>
      <translation>在数据集的另一张图像上预览数据增强</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Preview failed: {0}</source>
      <translation>预览失败：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Validation split</source>
      <translation>验证集划分</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Validate on:</source>
      <translation>验证数据：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Validation share:</source>
      <translation>验证比例：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Augmentation (training images only)</source>
      <translation>数据增强（仅用于训练图像）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Preset:</source>
      <translation>预设：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>{0}:</source>
      <translation>{0}：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>&lt;b&gt;Preview&lt;/b&gt;: what training may see of one image</source>
      <translation>&lt;b&gt;预览&lt;/b&gt;：训练时可能看到的一张图像的样子</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Scan a dataset to preview the augmentation on its images.</source>
      <translation>扫描数据集后即可在其图像上预览数据增强。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>Computing the preview…</source>
      <translation>正在计算预览…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>original {0}</source>
      <translation>原图 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>augmented {0}</source>
      <translation>增强 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source>original</source>
      <translation>原图</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/split_panel.py" />
      <source> — no augmentation: training sees the image as is</source>
      <translation> —— 无数据增强：训练时看到的就是原图</translation>
    </message>
  </context>
  <context>
    <name>StartFromBox</name>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Start from</source>
      <translation>起点</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>(nothing): new random weights</source>
      <translation>（无）：新的随机权重</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>a run</source>
      <translation>一次训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>a model file</source>
      <translation>一个模型文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Start from the weights of an earlier run or a .keras model of the same architecture and input size: every layer is copied, the classifier only when the classes are the same</source>
      <translation>从之前的训练或相同架构与输入尺寸的 .keras 模型的权重开始：复制每一层，分类层仅在类别相同时复制</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>The workspace's runs that have a model</source>
      <translation>工作区中已有模型的训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Choose a model file…</source>
      <translation>选择模型文件…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>A .keras model, with labels.txt beside it</source>
      <translation>一个 .keras 模型，旁边附有 labels.txt</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source> epochs</source>
      <translation> 轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Train only the classifier for the first epochs, then every layer</source>
      <translation>前几轮只训练分类层，之后训练所有层</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Start from:</source>
      <translation>起点：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Run:</source>
      <translation>训练：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Model file:</source>
      <translation>模型文件：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Frozen copied layers:</source>
      <translation>冻结复制的层：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>{0} ({1}, {2} px)</source>
      <translation>{0}（{1}，{2} 像素）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Start from which model?</source>
      <translation>从哪个模型开始？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>Keras models (*.keras)</source>
      <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>no run with a model yet</source>
      <translation>还没有带模型的训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/start_from_box.py" />
      <source>none chosen</source>
      <translation>未选择</translation>
    </message>
  </context>
  <context>
    <name>AppState</name>
    <message>
      <location filename="../../alexnet_desktop/gui/state.py" />
      <source>Choose a dataset on the Data page first.</source>
      <translation>请先在“数据”页选择数据集。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/state.py" />
      <source>The dataset is being checked on the Data page…</source>
      <translation>“数据”页正在检查数据集…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/state.py" />
      <source>The dataset could not be read (see the Data page).</source>
      <translation>无法读取数据集（见“数据”页）。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/state.py" />
      <source>Training needs images of at least 2 classes (see the Data page).</source>
      <translation>训练至少需要 2 个类别的图像（见“数据”页）。</translation>
    </message>
  </context>
  <context>
    <name>TrainPage</name>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Finished</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Diverged</source>
      <translation>已发散</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Start training</source>
      <translation>开始训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Train the chosen model on the chosen dataset (Model and Data pages)</source>
      <translation>在所选数据集上训练所选模型（见“模型”和“数据”页）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Hold the run after the current batch; press again to go on</source>
      <translation>在当前批次之后暂停；再按一次继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Stop after the current batch; the best model and a checkpoint to resume from are kept</source>
      <translation>在当前批次之后停止；会保留最佳模型和可用于继续的检查点</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Open run folder</source>
      <translation>打开运行文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Show the run's files (model.keras, checkpoint.keras, run.json, history.csv, logs/)</source>
      <translation>显示该运行的文件（model.keras、checkpoint.keras、run.json、history.csv、logs/）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Not started</source>
      <translation>尚未开始</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Training</source>
      <translation>训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>The first layer's filters appear here after each epoch.</source>
      <translation>每轮结束后，第一层的卷积核会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>The kernels of the first convolution, each scaled on its own: edges and colour blobs appear as the network learns (the paper's Figure 3)</source>
      <translation>第一层卷积的卷积核，各自单独缩放：随着网络的学习会出现边缘和色块（即论文中的图 3）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Log</source>
      <translation>日志</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>First-layer filters</source>
      <translation>第一层卷积核</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Choose a dataset on the Data page first.</source>
      <translation>请先在“数据”页选择数据集。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Cluster: {0}</source>
      <translation>集群：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Preparing…</source>
      <translation>正在准备…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Pausing after the current batch…</source>
      <translation>将在当前批次之后暂停…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Stopping after the current batch…</source>
      <translation>将在当前批次之后停止…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source> · last epoch {0}</source>
      <translation> · 上一轮用时 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Epoch {0}/{1} · batch {2}/{3} · loss {4:.4f} · accuracy {5:.3f} · {6:.1f} images/s{7} · about {8} left{9}</source>
      <translation>第 {0}/{1} 轮 · 批次 {2}/{3} · 损失 {4:.4f} · 准确率 {5:.3f} · {6:.1f} 张/秒{7} · 约剩 {8}{9}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source> · best epoch {0}</source>
      <translation> · 最佳轮次 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Epoch {0}: {1}  ({2:.1f} s)</source>
      <translation>第 {0} 轮：{1}（{2:.1f} 秒）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>  ★ best so far</source>
      <translation>  ★ 目前最佳</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>The first convolution's kernels after epoch {0}</source>
      <translation>第 {0} 轮之后第一层卷积的卷积核</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>&lt;b&gt;Paused&lt;/b&gt; after the current batch. Press Continue to go on.</source>
      <translation>已在当前批次之后&lt;b&gt;暂停&lt;/b&gt;。点击“继续”以继续训练。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Paused</source>
      <translation>已暂停</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Going on…</source>
      <translation>正在继续…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Continued</source>
      <translation>已继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Device: {0}</source>
      <translation>设备：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>; resuming after epoch {0}</source>
      <translation>；从第 {0} 轮之后继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Run folder: {0}
{1} training and {2} validation images, {3} classes; training on {4}{5}</source>
      <translation>运行文件夹：{0}
{1} 张训练图像和 {2} 张验证图像，{3} 个类别；训练设备：{4}{5}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>best {0} {1:.3f} at epoch {2}</source>
      <translation>最佳 {0} {1:.3f}，在第 {2} 轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>no epoch finished</source>
      <translation>没有完成任何一轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source> · saved in {0}</source>
      <translation> · 保存在 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Out of memory</source>
      <translation>内存不足</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>The device ran out of memory at batch size {0}.

Train again with batch size {1}?</source>
      <translation>设备在批大小为 {0} 时内存不足。

要用批大小 {1} 重新训练吗？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>&lt;b&gt;Training failed:&lt;/b&gt; {0}</source>
      <translation>&lt;b&gt;训练失败：&lt;/b&gt;{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Training failed: {0}</source>
      <translation>训练失败：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_summary.py" />
      <source> ({0:,} images, {1} classes)</source>
      <translation>（{0:,} 张图像，{1} 个类别）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_summary.py" />
      <source>1 epoch</source>
      <translation>1 轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_summary.py" />
      <source>{0} epochs</source>
      <translation>{0} 轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_summary.py" />
      <source>&lt;b&gt;{0}&lt;/b&gt; on &lt;b&gt;{1}&lt;/b&gt;{2}: {3} px, {4}, batch {5}, {6}</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt;，数据 &lt;b&gt;{1}&lt;/b&gt;{2}：{3} 像素，{4}，批大小 {5}，{6}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_summary.py" />
      <source>; also learning from the unlabelled images in &lt;b&gt;{0}&lt;/b&gt; (threshold {1}, {2} per labelled image)</source>
      <translation>；同时从 &lt;b&gt;{0}&lt;/b&gt; 中的未标注图像学习（阈值 {1}，每张已标注图像配 {2} 张）</translation>
    </message>
  </context>
  <context>
    <name>Duration</name>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>{0} s</source>
      <translation>{0} 秒</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>{0} min {1:02d} s</source>
      <translation>{0} 分 {1:02d} 秒</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/train_page.py" />
      <source>{0} h {1:02d} min</source>
      <translation>{0} 小时 {1:02d} 分</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../alexnet_desktop/gui/viewer.py" />
      <source>uncertain</source>
      <translation>不确定</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/viewer.py" />
      <source>unreadable</source>
      <translation>无法读取</translation>
    </message>
  </context>
  <context>
    <name>LabelGrid</name>
    <message>
      <location filename="../../alexnet_desktop/gui/viewer.py" />
      <source>Arrows: move · 1-9, 0, letters: set the class · U: uncertain · Enter: accept · Backspace: undo label · N: next to review</source>
      <translation>方向键：移动 · 1-9、0、字母：设置类别 · U：不确定 · Enter：接受 · Backspace：撤销标签 · N：下一张待复查</translation>
    </message>
  </context>
  <context>
    <name>PathEdit</name>
    <message>
      <location filename="../../alexnet_desktop/gui/widgets.py" />
      <source>(not set)</source>
      <translation>（未设置）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/widgets.py" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
  </context>
  <context>
    <name>OptionsForm</name>
    <message>
      <location filename="../../alexnet_desktop/gui/widgets.py" />
      <source>{0}:</source>
      <translation>{0}：</translation>
    </message>
  </context>
  <context>
    <name>Widgets</name>
    <message>
      <location filename="../../alexnet_desktop/gui/widgets.py" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/widgets.py" />
      <source>No application on this desktop opens it. It is here:
{0}</source>
      <translation>此桌面上没有能打开它的应用程序。它在这里：
{0}</translation>
    </message>
  </context>
  <context>
    <name>JobRunner</name>
    <message>
      <location filename="../../alexnet_desktop/gui/worker.py" />
      <source>AlexNet Desktop: unexpected error</source>
      <translation>AlexNet Desktop：意外错误</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/gui/worker.py" />
      <source>An unexpected error stopped this task:

{0}

Your files are safe. Show Details has the traceback to put in a bug report.</source>
      <translation>一个意外错误中止了此任务：

{0}

你的文件是安全的。“显示详细信息”中有可附在错误报告里的调用栈。</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <location filename="../../alexnet_desktop/core/checking/features.py" />
      <source>images read</source>
      <translation>张图像已读取</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/features.py" />
      <source>images measured</source>
      <translation>张图像已提取特征</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/job.py" />
      <source>cross-validation needs at least 2 folds, not {0}</source>
      <translation>交叉验证至少需要 2 折，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/job.py" />
      <source>Reading {0:,} images at {1} px</source>
      <translation>正在以 {1} 像素读取 {0:,} 张图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/job.py" />
      <source>Cross-validating over {0} folds ({1} path)</source>
      <translation>正在进行 {0} 折交叉验证（{1} 方式）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/job.py" />
      <source>{0}: too few images to judge: a check needs at least two classes with {1} images each (one per fold)</source>
      <translation>{0}：图像太少，无法判断：检查至少需要两个各有 {1} 张图像的类别（每折一张）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/model_choice.py" />
      <source>No run has trained on these images: training a quick model first ({0}, {1} px, {2} epochs)</source>
      <translation>还没有在这些图像上训练过的运行：先训练一个快速模型（{0}，{1} 像素，{2} 轮）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/model_choice.py" />
      <source>the quick model could not be trained ({0}): {1}</source>
      <translation>无法训练快速模型（{0}）：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/model_choice.py" />
      <source>Using the newest run trained on these images: {0}</source>
      <translation>使用在这些图像上训练的最新运行：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/checking/probabilities.py" />
      <source>fold {0} of {1}: epochs</source>
      <translation>第 {0} 折，共 {1} 折：轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/augment.py" />
      <source>unknown augmentation setting(s): {0}</source>
      <translation>未知的数据增强设置：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/augment.py" />
      <source>an augmentation option is NAME=VALUE, not {0!r}</source>
      <translation>数据增强选项的格式是 NAME=VALUE，而不是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/augment.py" />
      <source>no augmentation setting {0!r} (known: {1})</source>
      <translation>没有名为 {0!r} 的数据增强设置（可用：{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/augment.py" />
      <source>augmentation {0} is true or false, not {1!r}</source>
      <translation>数据增强 {0} 只能是 true 或 false，而不是 {1!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/augment.py" />
      <source>augmentation {0} must be a number of degrees from {1:g} to {2:g}, not {3}</source>
      <translation>数据增强 {0} 必须是 {1:g} 到 {2:g} 之间的度数，而不是 {3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/augment.py" />
      <source>augmentation {0} must be a fraction from {1:g} to below {2:g}, not {3}</source>
      <translation>数据增强 {0} 必须是不小于 {1:g} 且小于 {2:g} 的比例，而不是 {3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/augment.py" />
      <source>no augmentation preset {0!r} (known: {1})</source>
      <translation>没有名为 {0!r} 的数据增强预设（已知：{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>{0}: no labelled images found</source>
      <translation>{0}：未找到已标注的图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>test image of class {0!r}, which has no training images</source>
      <translation>类别 {0!r} 的测试图像，而该类别没有训练图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>empty folder: no images, so not a class</source>
      <translation>空文件夹：没有图像，因此不算一个类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>{0}: cannot list the folder ({1})</source>
      <translation>{0}：无法列出文件夹内容（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>not inside a class folder</source>
      <translation>不在任何类别文件夹中</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>{0}: not a folder</source>
      <translation>{0}：不是文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>training images from {0}</source>
      <translation>训练图像取自 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>unlabelled images: a prediction input, not training data</source>
      <translation>未标注的图像：是预测的输入，不是训练数据</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source> (a folder of unlabelled images is a prediction input: use it on the Predict page)</source>
      <translation>（未标注图像的文件夹是预测的输入：请在“预测”页使用它）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>{0}: no class folders with images found (expected {0}/&lt;class&gt;/&lt;image&gt;){1}</source>
      <translation>{0}：未找到含图像的类别文件夹（应为 {0}/&lt;class&gt;/&lt;image&gt;）{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>{0}: the test folder is not a folder</source>
      <translation>{0}：测试文件夹不是文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>{0} test images from {1}</source>
      <translation>{0} 张测试图像取自 {1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/datasets.py" />
      <source>validation fraction must be in [0, 1), not {0}</source>
      <translation>验证比例必须在 [0, 1) 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>system junk file</source>
      <translation>系统生成的无用文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>hidden file or folder (its name starts with '.')</source>
      <translation>隐藏的文件或文件夹（名称以“.”开头）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>not an image file extension</source>
      <translation>不是图像文件扩展名</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>cannot open folder ({0})</source>
      <translation>无法打开文件夹（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>symbolic link loop: this folder was already visited</source>
      <translation>符号链接循环：此文件夹已访问过</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>cannot list folder ({0})</source>
      <translation>无法列出文件夹内容（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>cannot be read ({0})</source>
      <translation>无法读取（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>dangling symbolic link: its target does not exist</source>
      <translation>失效的符号链接：其目标不存在</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/image_files.py" />
      <source>not a regular file (a pipe, socket or device)</source>
      <translation>不是普通文件（管道、套接字或设备）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>{0}: {1}</source>
      <translation>{0}：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>file not found (moved or deleted?)</source>
      <translation>找不到文件（已被移动或删除？）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>permission denied: the file cannot be read</source>
      <translation>权限不足：无法读取该文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>is a folder, not an image</source>
      <translation>是文件夹，不是图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>not enough memory to read this image</source>
      <translation>内存不足，无法读取此图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>too large: {0}x{1} pixels is over the limit of {2:,} pixels</source>
      <translation>太大：{0}x{1} 像素超过了 {2:,} 像素的上限</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>too large: {0}x{1} pixels of {2} would take {3:,} MB decoded, over the limit of {4:,} MB</source>
      <translation>太大：{0}x{1} 像素的 {2} 解码后将占用 {3:,} MB，超过 {4:,} MB 的上限</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>the image has no pixels</source>
      <translation>图像没有像素</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>HEIC/HEIF photo: not supported; convert it to JPEG first</source>
      <translation>HEIC/HEIF 照片：不受支持；请先转换为 JPEG</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>AVIF image: not supported; convert it to JPEG or PNG first</source>
      <translation>AVIF 图像：不受支持；请先转换为 JPEG 或 PNG</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>a PDF document, not an image</source>
      <translation>是 PDF 文档，不是图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>an SVG/XML file: vector images are not supported</source>
      <translation>是 SVG/XML 文件：不支持矢量图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>empty file (0 bytes)</source>
      <translation>空文件（0 字节）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>a text file, not an image</source>
      <translation>是文本文件，不是图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>too short to be an image ({0} bytes)</source>
      <translation>太短，不可能是图像（{0} 字节）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>not an image in a supported format ({0})</source>
      <translation>不是受支持格式的图像（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>resize must be one of {0}, not {1!r}</source>
      <translation>缩放方式必须是 {0} 之一，而不是 {1!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>too large to decode safely ({0})</source>
      <translation>太大，无法安全解码（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>not enough memory to decode this image</source>
      <translation>内存不足，无法解码此图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>decoded to an unexpected shape {0}</source>
      <translation>解码后的形状 {0} 不符合预期</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>truncated or incomplete file (a broken download?)</source>
      <translation>文件被截断或不完整（下载中断？）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/images.py" />
      <source>corrupt image data ({0})</source>
      <translation>图像数据已损坏（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/loading.py" />
      <source>{0}: no such file or folder</source>
      <translation>{0}：没有这个文件或文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/loading.py" />
      <source>loader {0!r} has no option(s) {1}</source>
      <translation>加载器 {0!r} 没有选项 {1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/loading.py" />
      <source>{0}: the folder is empty</source>
      <translation>{0}：文件夹是空的</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/loading.py" />
      <source>{0}: no image files in this folder or its sub-folders</source>
      <translation>{0}：此文件夹及其子文件夹中没有图像文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/loading.py" />
      <source>Checking {0:,} images in {1}…</source>
      <translation>正在检查 {1} 中的 {0:,} 张图像…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/loading.py" />
      <source>the loader {0!r} does not write a dataset of its own</source>
      <translation>加载器 {0!r} 不会自行生成数据集</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/loading.py" />
      <source>Writing the {0} dataset into {1}…</source>
      <translation>正在将 {0} 数据集写入 {1}…</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/safe_pickle.py" />
      <source>refused: an unexpected _codecs.encode call</source>
      <translation>已拒绝：意外的 _codecs.encode 调用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/safe_pickle.py" />
      <source>refused: the file asks to load {0}.{1}, which a data file never needs</source>
      <translation>已拒绝：该文件要求加载 {0}.{1}，而数据文件从不需要它</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/safe_pickle.py" />
      <source>{0}refused: an array of Python objects, not of numbers</source>
      <translation>{0}已拒绝：这是 Python 对象数组，不是数字数组</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/safe_pickle.py" />
      <source>{0}refused: a list or dict that contains itself, which a data file never holds</source>
      <translation>{0}已拒绝：一个包含自身的列表或字典，数据文件从不含有这种结构</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/safe_pickle.py" />
      <source>{0}refused: its lists share themselves so as to expand to more than {1:,} values (a pickle bomb)</source>
      <translation>{0}已拒绝：其列表相互引用，展开后超过 {1:,} 个值（pickle 炸弹）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/safe_pickle.py" />
      <source>{0}refused: nested too deeply for a data file</source>
      <translation>{0}已拒绝：嵌套过深，不可能是数据文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>cannot be read ({0}: {1})</source>
      <translation>无法读取（{0}：{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>images checked</source>
      <translation>张图像已检查</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>tiny: {0}x{1} pixels</source>
      <translation>过小：{0}x{1} 像素</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>named {0} but the content is {1}</source>
      <translation>扩展名为 {0}，但内容是 {1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>class {0!r} has no usable images</source>
      <translation>类别 {0!r} 没有可用的图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>class {0!r} has a single image: it cannot be both trained and validated</source>
      <translation>类别 {0!r} 只有一张图像：无法同时用于训练和验证</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>classes are unbalanced: {0} images in the largest, {1} in the smallest</source>
      <translation>类别不均衡：最大的类别有 {0} 张图像，最小的只有 {1} 张</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>{0} image(s) are smaller than {1}px on a side</source>
      <translation>{0} 张图像的边长小于 {1} 像素</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>{0} file(s) have an extension that does not match their content</source>
      <translation>{0} 个文件的扩展名与内容不符</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>same image as {0} but labelled {1!r}, not {2!r}</source>
      <translation>与 {0} 是同一张图像，但标签为 {1!r}，而不是 {2!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>exact duplicate of {0}</source>
      <translation>与 {0} 完全相同</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>{0} exact duplicate file(s); the split keeps copies together so none straddles training and validation</source>
      <translation>{0} 个完全重复的文件；划分时会把副本放在一起，不会同时出现在训练和验证中</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>{0} image(s) appear under two different labels</source>
      <translation>{0} 张图像出现在两个不同的标签下</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>test image identical to training image {0}</source>
      <translation>测试图像与训练图像 {0} 完全相同</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/data/scan.py" />
      <source>{0} test image(s) are also in the training images: the test score will be too high</source>
      <translation>{0} 张测试图像同时也在训练图像中：测试分数会偏高</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>a folder</source>
      <translation>一个文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>a named pipe</source>
      <translation>一个命名管道</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>a socket</source>
      <translation>一个套接字</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>a device</source>
      <translation>一个设备</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>not a regular file</source>
      <translation>不是普通文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>{0}: {1}, not a file{2}</source>
      <translation>{0}：是{1}，不是文件{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>{0}: not a folder ({1})</source>
      <translation>{0}：不是文件夹（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>a file</source>
      <translation>一个文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>{0}: {1}, not a file</source>
      <translation>{0}：是{1}，不是文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>{0}: larger than {1:,} MB: not a file this app wrote{2}</source>
      <translation>{0}：大于 {1:,} MB，不是本应用写的文件{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/files.py" />
      <source>{0}: not UTF-8 text (byte {1}: {2}){3}</source>
      <translation>{0}：不是 UTF-8 文本（第 {1} 字节：{2}）{3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}: label {1!r} replaced by your correction {2!r}</source>
      <translation>{0}：标签 {1!r} 已被你的更正 {2!r} 替换</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}: left out of training, as you chose</source>
      <translation>{0}：按你的选择不参与训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}: correction not used: {1}</source>
      <translation>{0}：未使用此更正：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>Corrections: {0} relabelled, {1} added, {2} left out, {3} not used</source>
      <translation>更正：{0} 个改标，{1} 个新增，{2} 个排除，{3} 个未使用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>a corrections file</source>
      <translation>更正文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}: cannot read the corrections file ({1})</source>
      <translation>{0}：无法读取更正文件（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}: a corrections file needs the columns file,label (found {1})</source>
      <translation>{0}：更正文件需要 file,label 两列（找到的是 {1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}: more than {1:,} rows; is this a corrections file?</source>
      <translation>{0}：超过 {1:,} 行；这是更正文件吗？</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}, line {1}: no file given</source>
      <translation>{0}，第 {1} 行：没有给出文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>the file is gone</source>
      <translation>文件已不存在</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>the file changed since you corrected it</source>
      <translation>你更正之后文件已被修改</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>cannot read it ({0})</source>
      <translation>无法读取（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>its label {0!r} is not a class of this dataset ({1})</source>
      <translation>它的标签 {0!r} 不是此数据集的类别（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/corrections.py" />
      <source>{0}: with your corrections the training set has fewer than 2 classes</source>
      <translation>{0}：加上你的更正后，训练集少于 2 个类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>{0}: a journal of that name exists</source>
      <translation>{0}：已有同名日志</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>a sort journal</source>
      <translation>整理日志</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>{0}: no such journal</source>
      <translation>{0}：没有这个日志</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>{0}: not a sort journal</source>
      <translation>{0}：不是整理日志</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>{0}: the journal's header was changed or is of an older version (it fails its check), so it is not used; every file stays where it is</source>
      <translation>{0}：日志的头部已被修改或来自旧版本（未通过校验），因此不予使用；所有文件保持原位</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>{0}: a sort journal is used only where the sort wrote it (in {1}); every file stays where it is</source>
      <translation>{0}：排序日志只能在排序写入它的位置使用（{1} 中）；所有文件保持原位</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>{0}: a line of the journal was changed, so it is not used; every file stays where it is</source>
      <translation>{0}：日志中有一行被修改，因此不予使用；所有文件保持原位</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/journal.py" />
      <source>{0}: step {1}</source>
      <translation>{0}：第 {1} 步</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>images predicted</source>
      <translation>张图像已预测</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: the model failed on {1}x{1} images ({2}: {3})</source>
      <translation>{0}：模型处理 {1}x{1} 图像时失败（{2}：{3}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>unreadable: the model's output for this image is not a number (NaN or infinity)</source>
      <translation>无法读取：模型对此图像的输出不是数字（NaN 或无穷大）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: no image files found</source>
      <translation>{0}：未找到图像文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: no image files found directly in it (images in its sub-folders count only when sub-folders are included)</source>
      <translation>{0}：其中直接没有图像文件（只有在包含子文件夹时，子文件夹中的图像才计入）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: predictions are written to a .csv or .json file</source>
      <translation>{0}：预测结果须写入 .csv 或 .json 文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: is a folder; give a file name ending in .csv or .json</source>
      <translation>{0}：是文件夹；请给出以 .csv 或 .json 结尾的文件名</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: exists; not overwritten (give --overwrite to replace it)</source>
      <translation>{0}：已存在；未覆盖（加 --overwrite 可替换它）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: a file of that name appeared while predicting; not overwritten (give --overwrite to replace it)</source>
      <translation>{0}：预测期间出现了同名文件；未覆盖（加 --overwrite 可替换它）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: exists; not overwritten</source>
      <translation>{0}：已存在；未覆盖</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>a predictions file</source>
      <translation>预测文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: no such predictions file</source>
      <translation>{0}：没有这个预测结果文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>expected a JSON object with a "predictions" list, as `predict --out FILE.json` writes; this is {0}</source>
      <translation>应为带有 "predictions" 列表的 JSON 对象（即 `predict --out FILE.json` 写出的格式）；此文件是{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>'predictions' is not a list</source>
      <translation>“predictions”不是列表</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: not a predictions file ({1})</source>
      <translation>{0}：不是预测结果文件（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}, prediction {1}</source>
      <translation>{0}，第 {1} 条预测</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: not a prediction (it needs a "path")</source>
      <translation>{0}：不是一条预测（缺少“path”）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: not a predictions file (it needs path, label and confidence columns)</source>
      <translation>{0}：不是预测结果文件（需要 path、label 和 confidence 列）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}, line {1}</source>
      <translation>{0}，第 {1} 行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: no path</source>
      <translation>{0}：没有路径</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}, line {1}: {2}</source>
      <translation>{0}，第 {1} 行：{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>null</source>
      <translation>null</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>a list</source>
      <translation>一个列表</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>an object without "predictions"</source>
      <translation>一个没有 "predictions" 的对象</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>a single value</source>
      <translation>单个值</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>nested too deeply</source>
      <translation>嵌套过深</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: confidence {1!r} is not a number</source>
      <translation>{0}：置信度 {1!r} 不是数字</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>the model's confidence is not a number ({0})</source>
      <translation>模型的置信度不是数字（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>{0}: confidence {1} is not a probability (between 0 and 1): the file was made from a model's raw scores; predict again</source>
      <translation>{0}：置信度 {1} 不是概率（应在 0 到 1 之间）：此文件来自模型的原始分数；请重新预测</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>not predicted: {0}</source>
      <translation>未预测：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/predict.py" />
      <source>no label</source>
      <translation>没有标签</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/review_store.py" />
      <source>{0}: too large to be a store of review labels</source>
      <translation>{0}：太大，不是审阅标签的存储文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/review_store.py" />
      <source>{0}: the saved review labels cannot be read ({1})</source>
      <translation>{0}：无法读取已保存的审阅标签（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/review_store.py" />
      <source>{0}: not a store of review labels</source>
      <translation>{0}：不是审阅标签的存储文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/session.py" />
      <source>{0!r} is not one of the classes ({1})</source>
      <translation>{0!r} 不是已有类别之一（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>Would move {0} file(s) into {1}:</source>
      <translation>将移动 {0} 个文件到 {1}：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>Would copy {0} file(s) into {1}:</source>
      <translation>将复制 {0} 个文件到 {1}：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>{0} file(s) renamed to avoid a name already taken, e.g. {1} -&gt; {2}/{3}</source>
      <translation>{0} 个文件因重名而改名，例如 {1} -&gt; {2}/{3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>Class names changed to safe folder names: </source>
      <translation>类别名称改为安全的文件夹名：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>{0} file(s) left where they are:</source>
      <translation>{0} 个文件保留在原处：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>{0}: exists and is not a folder</source>
      <translation>{0}：已存在且不是文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>listed twice; sorted once</source>
      <translation>列出了两次；只整理一次</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>missing</source>
      <translation>不存在</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>{0}: exists and is not a plain folder; the sort would write outside {1}</source>
      <translation>{0}：已存在且不是普通文件夹；整理会写到 {1} 之外</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sort_plan.py" />
      <source>already in its class folder</source>
      <translation>已在其类别文件夹中</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: the copy does not match its source after writing (disk or memory error)</source>
      <translation>{0}：写入后副本与源文件不一致（磁盘或内存错误）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: changed while it was being copied</source>
      <translation>{0}：复制过程中被改动</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: a file of that name appeared during the sort; not replaced</source>
      <translation>{0}：整理过程中出现了同名文件；未替换</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: this sort has been (partly) undone; it cannot be resumed</source>
      <translation>{0}：此次整理已被（部分）撤销；无法继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: step {1} of the journal was changed (it fails its check), so the sort is not resumed; every file stays where it is</source>
      <translation>{0}：日志的第 {1} 步已被修改（未通过校验），因此不继续排序；所有文件保持原位</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>files sorted</source>
      <translation>个文件已整理</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: {1}. The sort stopped with every file whole ({2:,} of {3:,} sorted, the rest still where they were); fix the cause (free space, a writable folder) and resume it with: alexnet-desktop sort --resume {4}</source>
      <translation>{0}：{1}。整理已停止，所有文件均完好（已整理 {3:,} 个中的 {2:,} 个，其余仍在原处）；请排除原因（腾出空间、可写的文件夹）后用以下命令继续：alexnet-desktop sort --resume {4}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0:,} of the sort's {1:,} steps are missing from the journal (lines deleted); the files they name stay where they are: look for them in {2} and in the folders they came from</source>
      <translation>整理的 {1:,} 个步骤中有 {0:,} 个已不在日志中（行被删除）；它们所指的文件保留在原处：请在 {2} 及其来源文件夹中查找</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: not in a plain class folder of {1}; nothing is written outside it</source>
      <translation>{0}：不在 {1} 的普通类别文件夹中；不会在其外写入任何内容</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: not in a folder the sort took files from; the journal was changed</source>
      <translation>{0}：不在排序取出文件的文件夹中；日志已被修改</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: exists and is not a copy of {1}; not replaced</source>
      <translation>{0}：已存在且不是 {1} 的副本；未替换</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: gone before it could be sorted</source>
      <translation>{0}：在整理之前已不存在</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>{0}: no longer matches {1}; the source is kept</source>
      <translation>{0}：已与 {1} 不一致；保留源文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>kept: the original {0} is gone, so this may be the only copy</source>
      <translation>已保留：原文件 {0} 已不存在，这可能是唯一的副本</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>kept: {0} could not be restored whole</source>
      <translation>已保留：无法完整恢复 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>its line in the journal was changed (it fails its check), so undo leaves it</source>
      <translation>它在日志中的行已被修改（未通过校验），因此撤销不处理它</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>step {0}: its planned line is missing or damaged, so undo cannot tell which file it moved and leaves it</source>
      <translation>第 {0} 步：其计划行缺失或已损坏，撤销无法得知它移动了哪个文件，因此不予处理</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>not in a class folder of {0}; the journal was changed, so undo leaves it</source>
      <translation>不在 {0} 的类别文件夹中；日志已被改动，因此撤销不处理它</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>its sorted copy {0} is gone; cannot restore</source>
      <translation>其整理后的副本 {0} 已不存在；无法恢复</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>changed since the sort; left in place</source>
      <translation>整理后被改动过；保留在原处</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>kept: the original {0} was deleted after the sort, so this copy is the only one</source>
      <translation>已保留：原文件 {0} 在整理后被删除，这是唯一的副本</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>kept: {0} now holds a different file; move that one aside and undo again</source>
      <translation>已保留：{0} 现在是另一个文件；请把它移开后再撤销</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/labelling/sorting.py" />
      <source>files restored</source>
      <translation>个文件已恢复</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/backbones.py" />
      <source>{0}: no such weights file for {1}'s backbone (Keras names it {2})</source>
      <translation>{0}：没有这个 {1} 主干网络的权重文件（Keras 将其命名为 {2}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/backbones.py" />
      <source>{0}'s ImageNet weights are not on this machine: expected {1} in {2}. Copy that file from the same folder of a machine that has it (Keras saves it there the first time it uses these weights; it is downloaded from {3}); or choose the file yourself, or train from random weights (Backbone weights on the Model page; --backbone-weights FILE or random on the command line)</source>
      <translation>{0} 的 ImageNet 权重不在本机上：应在 {2} 中有 {1}。请从有此文件的机器的同一文件夹复制（Keras 第一次使用这些权重时会保存在那里；下载地址为 {3}）；或自行选择文件，或从随机权重开始训练（模型页上的“主干网络权重”；命令行中的 --backbone-weights FILE 或 random）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/backbones.py" />
      <source>the model has no backbone called {0}</source>
      <translation>模型中没有名为 {0} 的主干网络</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/backbones.py" />
      <source>{0}: not the weights {1} needs (Keras's {2}): {3}</source>
      <translation>{0}：不是 {1} 所需的权重（Keras 的 {2}）：{3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/backbones.py" />
      <source>{0} has no pretrained backbone: the backbone's frozen epochs and fine-tuning factor do nothing</source>
      <translation>{0} 没有预训练骨干网络：骨干网络的冻结轮数和微调系数不起作用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/backbones.py" />
      <source>the backbone starts from random weights and is never frozen: the backbone's frozen epochs and fine-tuning factor do nothing</source>
      <translation>骨干网络从随机权重开始，不会被冻结：骨干网络的冻结轮数和微调系数不起作用</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/backbones.py" />
      <source>the backbone is not frozen: {0} frozen epochs leave none of the {1} to fine-tune it</source>
      <translation>骨干网络不会被冻结：冻结 {0} 轮后，{1} 轮中已没有轮次用于微调</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/explain.py" />
      <source>Occlusion</source>
      <translation>遮挡</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/explain.py" />
      <source>Grad-CAM</source>
      <translation>Grad-CAM</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/explain.py" />
      <source>no explanation method {0!r}; choose one of {1}</source>
      <translation>没有解释方法 {0!r}；请从 {1} 中选择</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/explain.py" />
      <source>{0}: no convolution for Grad-CAM to weigh; use occlusion</source>
      <translation>{0}：没有可供 Grad-CAM 加权的卷积层；请使用遮挡</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/explain.py" />
      <source>{0}: the class score does not depend on layer {1}; use occlusion</source>
      <translation>{0}：类别得分不依赖于层 {1}；请使用遮挡法</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/explain.py" />
      <source>{0}: no convolution</source>
      <translation>{0}：没有卷积层</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/explain_files.py" />
      <source>the model has no class {0!r}; its classes are {1}</source>
      <translation>模型没有类别 {0!r}；它的类别是 {1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/export.py" />
      <source>inside the model: a {0} layer in front, added for a model that expects {1}</source>
      <translation>在模型内部：前面加了一个 {0} 层，用于期望 {1} 的模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/export.py" />
      <source>{0}: exists; nothing is overwritten (choose another name)</source>
      <translation>{0}：已存在；不会覆盖任何文件（请换一个名称）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/export.py" />
      <source>export steps</source>
      <translation>导出步骤</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/export.py" />
      <source>the {0} exporter wrote nothing</source>
      <translation>导出器 {0} 没有写出任何内容</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/input_range.py" />
      <source>0..1 (pixels divided by 255)</source>
      <translation>0..1（像素除以 255）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/input_range.py" />
      <source>-1..1 (pixels divided by 127.5, less 1)</source>
      <translation>-1..1（像素除以 127.5 再减 1）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/input_range.py" />
      <source>0..255 (raw pixels)</source>
      <translation>0..255（原始像素）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/input_range.py" />
      <source>Caffe (BGR, less the ImageNet mean of each channel)</source>
      <translation>Caffe（BGR，各通道减去 ImageNet 均值）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/input_range.py" />
      <source>no input scale {0!r}; choose one of {1}</source>
      <translation>没有输入范围 {0!r}；请从 {1} 中选择</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/input_range.py" />
      <source>{0}: the model scales its own input (a {1} layer at its input takes raw pixels); leave out --input-scale</source>
      <translation>{0}：该模型自行缩放输入（输入处的 {1} 层接受原始像素）；请不要给出 --input-scale</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/input_range.py" />
      <source>{0}: the model has no Rescaling or Normalization layer at its input, so the range of numbers it expects is unknown; give it with --input-scale: {1}</source>
      <translation>{0}：模型输入处没有 Rescaling 或 Normalization 层，因此不知道它期望的数值范围；请用 --input-scale 指定：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the model's outputs are not probabilities (they range from {1:.4g} to {2:.4g}); a softmax is applied to them</source>
      <translation>{0}：模型的输出不是概率（范围从 {1:.4g} 到 {2:.4g}）；已对其应用 softmax</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>a label file</source>
      <translation>标签文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the label file lists no class names</source>
      <translation>{0}：标签文件中没有列出任何类别名称</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the run has no {1} (it did not finish an epoch)</source>
      <translation>{0}：该运行没有 {1}（它没有完成任何一轮）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the manifest names no classes or no image size</source>
      <translation>{0}：清单文件中没有类别名称或图像尺寸</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: says image size {1}, but its model takes {2}; the run folder was changed</source>
      <translation>{0}：记录的图像尺寸为 {1}，但其模型接受 {2}；运行文件夹已被改动</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>any size up to {0}</source>
      <translation>不超过 {0} 的任意尺寸</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: no such model file</source>
      <translation>{0}：没有这个模型文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: no such label file (given with --labels)</source>
      <translation>{0}：没有这个标签文件（由 --labels 给出）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: no label file (looked for {1}); give one with --labels</source>
      <translation>{0}：没有标签文件（查找过 {1}）；请用 --labels 指定</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the model takes images of any size; give the size it was trained at (--image-size)</source>
      <translation>{0}：该模型接受任意尺寸的图像；请给出它训练时使用的尺寸（--image-size）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the model has {1} outputs but {2} class names</source>
      <translation>{0}：模型有 {1} 个输出，但有 {2} 个类别名称</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the model takes {1} inputs; the app gives it one batch of images</source>
      <translation>{0}：模型有 {1} 个输入；本应用只提供一批图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/loaded.py" />
      <source>{0}: the model takes inputs of shape {1}; the app gives it square RGB images, of shape (side, side, 3)</source>
      <translation>{0}：模型的输入形状为 {1}；本应用提供的是正方形 RGB 图像，形状为 (边长, 边长, 3)</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>it holds two different layers named {0} (from {1} and {2}); Keras cannot tell them apart</source>
      <translation>它包含两个不同的名为 {0} 的层（来自 {1} 和 {2}）；Keras 无法区分它们</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>it contains a Lambda layer ({0}): Python code that would run on loading</source>
      <translation>它含有 Lambda 层（{0}）：加载时会运行的 Python 代码</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>it contains serialised Python code ({0} at {1})</source>
      <translation>它含有序列化的 Python 代码（{1} 处的 {0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>it asks for {0!r} from the module {1!r} ({2}); only Keras, this app and installed plugins may provide a model's parts, and a plugin's own layer must be declared on its Architecture (custom_layers)</source>
      <translation>它要求来自模块 {1!r} 的 {0!r}（{2}）；只有 Keras、本应用和已安装的插件可以提供模型的组成部分，且插件自己的层必须在其 Architecture 中声明（custom_layers）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: the archive holds a file outside itself ({1!r})</source>
      <translation>{0}：压缩包中有指向包外的文件（{1!r}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: {1} unpacks from {2:,} to {3:,} MB, a zip bomb, not a model's weights</source>
      <translation>{0}：{1} 从 {2:,} MB 解压为 {3:,} MB，是压缩炸弹，不是模型权重</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: unpacks to {1:,} MB, beyond any model this app can train</source>
      <translation>{0}：解压后为 {1:,} MB，超出本应用能训练的任何模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: not a Keras model archive (no config.json inside)</source>
      <translation>{0}：不是 Keras 模型压缩包（其中没有 config.json）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: its config.json is {1:,} bytes, far beyond any model's</source>
      <translation>{0}：其 config.json 有 {1:,} 字节，远超任何模型所需</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: not a whole .keras file (damaged or truncated: {1})</source>
      <translation>{0}：不是完整的 .keras 文件（已损坏或被截断：{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: its config.json is not valid JSON ({1})</source>
      <translation>{0}：其 config.json 不是有效的 JSON（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: its config.json is nested too deeply to be a model's</source>
      <translation>{0}：其 config.json 嵌套过深，不可能是模型的配置</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: cannot be read ({1})</source>
      <translation>{0}：无法读取（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: not loaded: {1}</source>
      <translation>{0}：未加载：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: not loaded: {1}. Only .keras models are loaded; re-save it with model.save('name.keras') where it was made</source>
      <translation>{0}：未加载：{1}。只加载 .keras 模型；请在创建它的地方用 model.save('name.keras') 重新保存</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: only .keras models (or run folders) can be loaded</source>
      <translation>{0}：只能加载 .keras 模型（或运行文件夹）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: the file changed after this app saved it (its SHA-256 is {1}…, the run recorded {2}). It was not loaded; if you changed it on purpose, load it as a model file instead of through its run</source>
      <translation>{0}：本应用保存该文件之后它被改动过（其 SHA-256 为 {1}…，运行记录的是 {2}）。它没有被加载；如果是你有意修改的，请把它当作模型文件加载，而不是通过其运行加载</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>another</source>
      <translation>另一个值</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/model_files.py" />
      <source>{0}: cannot be loaded ({1}: {2})</source>
      <translation>{0}：无法加载（{1}：{2}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/models.py" />
      <source>{0} cannot take {1}x{1} images: the smallest input it can take is {2}x{2}</source>
      <translation>{0} 不能接受 {1}x{1} 的图像：它能接受的最小输入为 {2}x{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/models.py" />
      <source>a classifier needs at least 2 classes, not {0}</source>
      <translation>分类器至少需要 2 个类别，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/model/models.py" />
      <source>{0} builds a layer of its own, {1} (from {2}), that its plugin does not declare: list it on the Architecture as custom_layers=({1},), or a saved model could not be opened again</source>
      <translation>{0} 构建了自己的层 {1}（来自 {2}），但其插件没有声明它：请在 Architecture 中写明 custom_layers=({1},)，否则保存的模型将无法再次打开</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugin_check.py" />
      <source>disabled: it did not finish loading within {0:g} s (it waits or loops at import, in a hook or in detect), so it was not loaded</source>
      <translation>已停用：它在 {0:g} 秒内没有加载完（它在导入、钩子或 detect 中等待或循环），因此没有加载</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugin_check.py" />
      <source>disabled: it crashed the process that tried it (signal {0}), so it was not loaded</source>
      <translation>已停用：它让试用它的进程崩溃了（信号 {0}），因此没有加载</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugin_check.py" />
      <source>disabled: it ended the process that tried it (exit status {0}), so it was not loaded</source>
      <translation>已停用：它结束了试用它的进程（退出状态 {0}），因此没有加载</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugin_check.py" />
      <source>{0} took more than {1:g} s; the plugin is disabled from the next start</source>
      <translation>{0} 用时超过 {1:g} 秒；下次启动时将停用该插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugin_check.py" />
      <source>disabled: {0}</source>
      <translation>已停用：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>dataset loader</source>
      <translation>数据集加载器</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>architecture</source>
      <translation>架构</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>export format</source>
      <translation>导出格式</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>{0}: no dataset loader recognises this folder (choose one with --loader)</source>
      <translation>{0}：没有数据集加载器能识别此文件夹（请用 --loader 指定一个）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>the plugin {0!r} failed in {1}: {2}: {3} (its traceback is in the Plugins list)</source>
      <translation>插件 {0!r} 在 {1} 中出错：{2}：{3}（其回溯信息在“插件”列表中）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>a plugin</source>
      <translation>插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/plugins.py" />
      <source>no {0} {1!r} (known: {2})</source>
      <translation>没有{0} {1!r}（已知：{2}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/evaluations.py" />
      <source>{0}: damaged evaluations ({1})</source>
      <translation>{0}：评估记录已损坏（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/evaluations.py" />
      <source>not a JSON object of evaluations</source>
      <translation>不是评估记录的 JSON 对象</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/folder.py" />
      <source>could not make a new run folder under {0}</source>
      <translation>无法在 {0} 下创建新的运行文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/folder.py" />
      <source>a run's history</source>
      <translation>训练记录的历史</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/folder.py" />
      <source>{0}: line {1}: no whole epoch number; the run's history is damaged</source>
      <translation>{0}：第 {1} 行：没有整数的轮次编号；训练历史已损坏</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/folder.py" />
      <source>{0}: line {1}: the field {2} is missing (the line is shorter than the header); the run's history is damaged</source>
      <translation>{0}：第 {1} 行：缺少字段 {2}（该行比表头短）；训练历史已损坏</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/folder.py" />
      <source>{0}: line {1}, {2}: {3!r} is not a number; the run's history is damaged</source>
      <translation>{0}：第 {1} 行，{2}：{3!r} 不是数字；训练历史已损坏</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/folder.py" />
      <source>a field past the header</source>
      <translation>表头之外的字段</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/manifest.py" />
      <source>{0}: not a run folder (no {1})</source>
      <translation>{0}：不是运行文件夹（没有 {1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/manifest.py" />
      <source>{0}: damaged manifest ({1})</source>
      <translation>{0}：清单文件已损坏（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/manifest.py" />
      <source>not a JSON object</source>
      <translation>不是 JSON 对象</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/manifest.py" />
      <source>image_size is {0}, not a whole number of pixels from 1 to {1}</source>
      <translation>image_size 为 {0}，不是 1 到 {1} 之间的整数像素数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/runs/manifest.py" />
      <source>validated on the test part: the best epoch was chosen on these images, so this score is optimistic</source>
      <translation>在测试部分上验证：最佳轮次是根据这些图像选出的，因此这个分数偏乐观</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source> or </source>
      <translation> 或 </translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>a whole number</source>
      <translation>一个整数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>a number</source>
      <translation>一个数字</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>text</source>
      <translation>文本</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>true or false</source>
      <translation>true 或 false</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>an object</source>
      <translation>一个对象</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>{0}: expected an object, not {1}</source>
      <translation>{0}：应为一个对象，而不是 {1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>{0}: the field {1!r} is missing</source>
      <translation>{0}：缺少字段 {1!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>{0}: the field {1!r} should be {2}, not {3}</source>
      <translation>{0}：字段 {1!r} 应为{2}，而不是 {3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/schema.py" />
      <source>{0}: the field {1!r} should be from {2} to {3}, not {4}</source>
      <translation>{0}：字段 {1!r} 应在 {2} 到 {3} 之间，而不是 {4}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>GPU: {0}</source>
      <translation>GPU：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>an NVIDIA GPU is present but TensorFlow cannot use it ({0}); run with --verbose for TensorFlow's own messages</source>
      <translation>有 NVIDIA GPU，但 TensorFlow 无法使用它（{0}）；加 --verbose 运行可查看 TensorFlow 自己的消息</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>this TensorFlow build has no CUDA support</source>
      <translation>此 TensorFlow 版本不支持 CUDA</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>no NVIDIA GPU or driver was found</source>
      <translation>未找到 NVIDIA GPU 或驱动</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>CPU ({0} cores): {1}</source>
      <translation>CPU（{0} 核）：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>the CUDA driver would not start</source>
      <translation>CUDA 驱动无法启动</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>the CUDA libraries it needs are missing or of another version</source>
      <translation>所需的 CUDA 库缺失或版本不符</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/tf_runtime.py" />
      <source>it reported no usable GPU</source>
      <translation>它报告没有可用的 GPU</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/balance.py" />
      <source>class weight must be one of {0}, not {1!r}</source>
      <translation>类别权重必须是 {0} 之一，而不是 {1!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>{0} is not HOST:PORT (e.g. 192.168.1.20:12345)</source>
      <translation>{0} 不是 主机:端口（例如 192.168.1.20:12345）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>{0}: the port {1} is not from 1 to 65535</source>
      <translation>{0}：端口 {1} 不在 1 到 65535 之间</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>the cluster timeout must be a number of seconds more than 0 and at most {0:g}, not {1}</source>
      <translation>集群超时必须是大于 0 且不超过 {0:g} 的秒数，而不是 {1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>the cluster has no workers</source>
      <translation>集群中没有工作节点</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>the cluster names a worker twice: {0}</source>
      <translation>集群中有工作节点重复出现：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>worker index {0} is not in the cluster of {1} (0 to {2})</source>
      <translation>工作节点编号 {0} 不在 {1} 个节点的集群中（0 到 {2}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>--cluster needs --worker-index N: this machine's place in the list (0 is the chief)</source>
      <translation>--cluster 需要 --worker-index N：本机在列表中的位置（0 为主节点）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>TF_CONFIG is set but is not a valid cluster description ({0})</source>
      <translation>已设置 TF_CONFIG，但它不是有效的集群描述（{0}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>TF_CONFIG: only 'chief' and 'worker' jobs can train, not {0}</source>
      <translation>TF_CONFIG：只有 'chief' 和 'worker' 任务可以训练，不能是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>TF_CONFIG: this task's type must be 'chief' or 'worker', not {0!r}</source>
      <translation>TF_CONFIG：此任务的类型必须是 'chief' 或 'worker'，而不是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>worker {0} of {1}, chief</source>
      <translation>工作节点 {0}/{1}，主节点</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>worker {0} of {1}</source>
      <translation>工作节点 {0}/{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>this process is already {0} of another cluster</source>
      <translation>此进程已经是另一个集群的{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>TensorFlow has already started in this process; a cluster worker must be started in a fresh process</source>
      <translation>TensorFlow 已在此进程中启动；集群工作节点必须在新进程中启动</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>{0}: the cluster could not form ({1})</source>
      <translation>{0}：集群无法建立（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>{0} differs between the chief ({1}) and worker(s) {2}: {3}</source>
      <translation>{0}在主节点（{1}）与工作节点 {2} 之间不一致：{3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>the version of AlexNet Desktop</source>
      <translation>AlexNet Desktop 的版本</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>install the same version of AlexNet Desktop and its plugins on every machine</source>
      <translation>请在每台机器上安装相同版本的 AlexNet Desktop 及其插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>{0} differ between the chief ({1}) and worker(s) {2}, in: {3}. {4}</source>
      <translation>{0}在主节点（{1}）与工作节点 {2} 之间不同，不同之处：{3}。{4}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>the chief's model has {0} variables and this worker's {1}: every worker must run the same version of AlexNet Desktop and its plugins</source>
      <translation>主节点的模型有 {0} 个变量，而本工作节点的有 {1} 个：每个工作节点必须运行相同版本的 AlexNet Desktop 及其插件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>another worker</source>
      <translation>另一个工作节点</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster.py" />
      <source>lost contact with {0} during the run: start its command again; the run goes on from its last finished epoch</source>
      <translation>运行中与 {0} 失去联系：请再次启动它的命令；运行将从最后完成的轮次继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>the dataset</source>
      <translation>数据集</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>every machine needs the same files (the same path on a shared disk, or identical copies)</source>
      <translation>每台机器都需要相同的文件（共享磁盘上的相同路径，或完全相同的副本）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>the training settings or the split</source>
      <translation>训练设置或数据划分</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>Give every machine the same settings: the same command and options, or the same choices in the window</source>
      <translation>请让每台机器使用相同的设置：相同的命令和选项，或在窗口中做相同的选择</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>the unlabelled folder</source>
      <translation>未标注文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>every machine needs the same unlabelled images (the same path on a shared disk, or identical copies)</source>
      <translation>每台机器都需要相同的未标注图像（共享磁盘上的相同路径，或完全相同的副本）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>{0}: the classes are not those of the run it would continue ({1})</source>
      <translation>{0}：类别与要继续的运行不同（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>{0}: the checkpoint does not fit the model it would continue</source>
      <translation>{0}：检查点与要继续的模型不匹配</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/cluster_run.py" />
      <source>Resuming after epoch {0} of {1}, from the chief's checkpoint</source>
      <translation>从主节点的检查点继续，已完成 {1} 轮中的 {0} 轮</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/config.py" />
      <source>freezing layers needs a run or model to start from</source>
      <translation>冻结层需要一个作为起点的训练或模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/config.py" />
      <source>each correction needs a file and a label</source>
      <translation>每条更正都需要文件和标签</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/config.py" />
      <source>{0}: the field {1!r} is missing: the run's settings are not recorded</source>
      <translation>{0}：缺少字段 {1!r}：没有记录该运行的设置</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/config.py" />
      <source>{0}: training: the field {1!r}: {2}</source>
      <translation>{0}：训练设置：字段 {1!r}：{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>mixed precision must be one of {0}, not {1!r}</source>
      <translation>混合精度必须是 {0} 之一，而不是 {1!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>no device {0!r} on this machine (there are: {1})</source>
      <translation>本机没有设备 {0!r}（现有：{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>MultiWorkerMirroredStrategy, {0}</source>
      <translation>MultiWorkerMirroredStrategy，{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>TF_CONFIG is set, but this worker was not started as one: start training with `alexnet-desktop train` (or the Train page's cluster settings), which joins the cluster first</source>
      <translation>已设置 TF_CONFIG，但此进程不是作为工作节点启动的：请用 `alexnet-desktop train`（或训练页的集群设置）开始训练，它会先加入集群</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>MirroredStrategy over {0}</source>
      <translation>MirroredStrategy，分布于 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>one device: {0}</source>
      <translation>单一设备：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>{0}, mixed precision (float16 compute, float32 weights)</source>
      <translation>{0}，混合精度（float16 计算，float32 权重）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>{0:.1f} of {1:.1f} GiB</source>
      <translation>{0:.1f} / {1:.1f} GiB</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>{0:.2f} GiB in use</source>
      <translation>已用 {0:.2f} GiB</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>{0:.0f} % busy</source>
      <translation>占用 {0:.0f} %</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/devices.py" />
      <source>CPU ({0} cores), this process</source>
      <translation>CPU（{0} 核），本进程</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/evaluation.py" />
      <source>probabilities have shape {0}, expected ({1}, {2})</source>
      <translation>概率数组的形状为 {0}，应为 ({1}, {2})</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/evaluation.py" />
      <source>class {0!r} is not one the model knows</source>
      <translation>类别 {0!r} 不是模型已知的类别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/evaluation.py" />
      <source> ({0}, ...)</source>
      <translation>（{0} 等）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/evaluation.py" />
      <source>{0}: no image could be evaluated{1}</source>
      <translation>{0}：没有任何图像可以评估{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/evaluation.py" />
      <source>{0}: the run has no {1} (made before this version); give DATA</source>
      <translation>{0}：该运行没有 {1}（由早于本版本的程序创建）；请提供 DATA</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/evaluation.py" />
      <source>give DATA to evaluate a .keras model on</source>
      <translation>请提供用于评估 .keras 模型的 DATA</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>accuracy</source>
      <translation>准确率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>val loss</source>
      <translation>验证损失</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>val accuracy</source>
      <translation>验证准确率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>learning rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>no detail</source>
      <translation>无详细信息</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>out of memory at batch size {0}; try {1} ({2})</source>
      <translation>批大小为 {0} 时内存不足；请试试 {1}（{2}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/events.py" />
      <source>out of memory at batch size {0} ({1})</source>
      <translation>批大小为 {0} 时内存不足（{1}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: the run is {1}; only a run that is not being trained can be resumed</source>
      <translation>{0}：该运行的状态为 {1}；只有不在训练中的运行才能继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: no checkpoint of a finished epoch to resume from (it ended in its first epoch)</source>
      <translation>{0}：没有已完成轮次的检查点可供继续（它在第一轮中就结束了）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>more epochs must be 0 or more, not {0}</source>
      <translation>追加的轮数必须为 0 或更多，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: says image size {1} but its training settings say {2}; the run folder was changed</source>
      <translation>{0}：记录的图像尺寸为 {1}，但其训练设置为 {2}；运行文件夹已被修改</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: all {1} epochs are done; give a number of epochs to add</source>
      <translation>{0}：全部 {1} 轮均已完成；请指定要追加的轮数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: it records epochs {1} but {2} counts {3} finished; the run folder was changed, so it is not resumed</source>
      <translation>{0}：其中记录的轮次为 {1}，但 {2} 记录已完成 {3} 轮；训练文件夹被改动过，因此不继续训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>a run on a cluster cannot start from another run yet; train it on one machine</source>
      <translation>集群上的训练暂不能从另一次训练开始；请在单台机器上训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>a cluster's run goes on by starting the same command again, not by resuming it</source>
      <translation>集群的运行通过再次启动同一命令继续，而不是通过恢复运行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: the classes are not those the run was trained on ({1}); it cannot be resumed on this data</source>
      <translation>{0}：类别与该运行训练时的类别（{1}）不同；无法在这些数据上继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>The dataset changed since this run began (files added, removed or rewritten)</source>
      <translation>自本次运行开始以来数据集已改变（有文件被添加、删除或改写）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>Resuming after epoch {0} of {1}</source>
      <translation>从第 {0} 轮（共 {1} 轮）之后继续</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: the run did not learn from an unlabelled folder; a resumed run cannot begin to</source>
      <translation>{0}：此运行没有从未标注文件夹学习；继续的运行不能开始这样做</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>{0}: the run's unlabelled folder is not there any more; if it moved, give its new place (Resume… on the Runs page, or train --resume RUN --unlabelled NEW_PLACE)</source>
      <translation>{0}：此运行的未标注文件夹已不在原处；如果它被移动了，请给出新位置（运行页上的“继续…”，或 train --resume RUN --unlabelled NEW_PLACE）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>The unlabelled folder changed since this run last trained (files added, removed or rewritten; {0} image files then, {1} now)</source>
      <translation>自此运行上次训练以来，未标注文件夹已更改（文件被添加、删除或改写；当时 {0} 个图像文件，现在 {1} 个）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fit.py" />
      <source>This run's resume state was freed: it goes on from the weights of its best epoch ({0}) with a fresh optimizer (its moments start again from zero)</source>
      <translation>此运行的续训状态已释放：将从最佳轮次（{0}）的权重出发，用新的优化器继续训练（其动量从零重新开始）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>{0}: the unlabelled folder does not exist</source>
      <translation>{0}：未标注文件夹不存在</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>{0}: the unlabelled folder is a file, not a folder</source>
      <translation>{0}：未标注文件夹是一个文件，不是文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>{0}: no images in the unlabelled folder</source>
      <translation>{0}：未标注文件夹中没有图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>{0}: no images in the unlabelled folder ({1} other files, such as {2}: {3})</source>
      <translation>{0}：未标注文件夹中没有图像（{1} 个其他文件，例如 {2}：{3}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>{0}: all {1} images of the unlabelled folder are copies of labelled images (such as {2})</source>
      <translation>{0}：未标注文件夹中的全部 {1} 张图像都是已标注图像的副本（例如 {2}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>{0}: none of the {1} images of the unlabelled folder can be read (such as {2}: {3})</source>
      <translation>{0}：未标注文件夹中的 {1} 张图像都无法读取（例如 {2}：{3}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source> and {0} more</source>
      <translation> 以及另外 {0} 个</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>1 image of the unlabelled folder is a copy of a labelled image, so not learnt from as unlabelled: {0}</source>
      <translation>未标注文件夹中有 1 张图像是已标注图像的副本，因此不作为未标注图像学习：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>{0} images of the unlabelled folder are copies of labelled images, so not learnt from as unlabelled: {1}{2}</source>
      <translation>未标注文件夹中有 {0} 张图像是已标注图像的副本，因此不作为未标注图像学习：{1}{2}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/fixmatch.py" />
      <source>Also learning from {0} in {1} (a prediction at least {2} confident becomes a target; {3} unlabelled per labelled image; a file that cannot be read is skipped and listed)</source>
      <translation>同时从 {1} 中的 {0} 学习（置信度至少为 {2} 的预测成为目标；每张已标注图像配 {3} 张未标注图像；无法读取的文件会被跳过并列出）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Loading TensorFlow</source>
      <translation>正在加载 TensorFlow</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Starting from {0}: every layer copied, the classifier too (the same classes)</source>
      <translation>从 {0} 开始：复制了每一层，包括分类层（类别相同）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Starting from {0}: every layer but the classifier copied (the classes differ)</source>
      <translation>从 {0} 开始：复制了除分类层外的每一层（类别不同）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>The backbone starts from {0}</source>
      <translation>主干网络从 {0} 开始</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>{0}; {1}</source>
      <translation>{0}；{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>TensorBoard is not installed: the run has no logs/ folder</source>
      <translation>未安装 TensorBoard：本次运行没有 logs/ 文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>From epoch {0} on, the copied layers are trained too</source>
      <translation>从第 {0} 轮起，复制的层也参与训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>From epoch {0} on, the backbone is trained too, at {1:g} times the rate</source>
      <translation>从第 {0} 轮起，主干网络也参与训练，学习率为原来的 {1:g} 倍</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>The model of the best epoch and the checkpoint of the last finished epoch are kept.</source>
      <translation>已保留最佳一轮的模型和最后完成一轮的检查点。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>No epoch finished, so no model was kept.</source>
      <translation>没有完成任何一轮，因此没有保留模型。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>The loss became NaN or infinite at epoch {0}, batch {1}: the learning rate ({2:g}) is probably too high. {3}</source>
      <translation>损失在第 {0} 轮第 {1} 批变为 NaN 或无穷大：学习率（{2:g}）可能太高。{3}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Stopped early: no better {0} for {1} epochs</source>
      <translation>提前停止：{1} 轮内{0}没有改善</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Skipped {0}: {1}</source>
      <translation>已跳过 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Evaluating the best model on the {0} validation images</source>
      <translation>正在用 {0} 张验证图像评估最佳模型</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Validation: accuracy {0:.3f}, loss {1:.4f}; the class most often missed is {2} (recall {3:.2f})</source>
      <translation>验证：准确率 {0:.3f}，损失 {1:.4f}；最常漏判的类别是 {2}（召回率 {3:.2f}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/job.py" />
      <source>Validation: accuracy {0:.3f}, loss {1:.4f}; every class's images were all recognised</source>
      <translation>验证：准确率 {0:.3f}，损失 {1:.4f}；每个类别的图像都被全部识别</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/optimization.py" />
      <source> (momentum {0:g})</source>
      <translation>（动量 {0:g}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/optimization.py" />
      <source> at {0:g}</source>
      <translation>，学习率 {0:g}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/optimization.py" />
      <source>, weight decay {0:g}</source>
      <translation>，权重衰减 {0:g}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/optimization.py" />
      <source>, ×{0:g} every {1} epochs</source>
      <translation>，每 {1} 轮 ×{0:g}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/optimization.py" />
      <source>, cosine decay</source>
      <translation>，余弦衰减</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/optimization.py" />
      <source>, ×{0:g} after {1} epochs without improvement</source>
      <translation>，{1} 轮无改善后 ×{0:g}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/prepare.py" />
      <source>Reading {0}</source>
      <translation>正在读取 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/prepare.py" />
      <source>{0}: validation on the test part was asked for, but the dataset has no usable test images</source>
      <translation>{0}：要求在测试部分上验证，但数据集中没有可用的测试图像</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/prepare.py" />
      <source>{0} validation image(s) are identical to training images: the validation score will be too high</source>
      <translation>{0} 张验证图像与训练图像完全相同：验证得分会偏高</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/prepare.py" />
      <source>{0}: training needs images of at least 2 classes, found {1}</source>
      <translation>{0}：训练至少需要 2 个类别的图像，只找到 {1} 个</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/prepare.py" />
      <source>No usable training images for class(es) {0}</source>
      <translation>以下类别没有可用的训练图像：{0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_end.py" />
      <source>stopped before training began</source>
      <translation>在训练开始之前停止</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>{0}: the run is being trained by another process; stop it first</source>
      <translation>{0}：该运行正由另一个进程训练；请先停止它</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>{0}: the run is being trained; stop it first</source>
      <translation>{0}：该运行正在训练；请先停止它</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>{0}: has no model.keras to keep, so its checkpoint is its only model; it was left as it is</source>
      <translation>{0}：没有可保留的 model.keras，检查点是它唯一的模型；已保持原样</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>{0}: changed after the app saved it; the checkpoint was left as it is</source>
      <translation>{0}：在本应用保存后被更改；检查点已保持原样</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>{0}: not a run folder (no run.json), so it was left as it is</source>
      <translation>{0}：不是运行文件夹（没有 run.json），因此保持原样</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>not enough disk space for this run: its model and checkpoints need about {0} on {1}, and {2} is free. Free the resume state of finished runs (alexnet-desktop runs free RUN) or delete runs</source>
      <translation>磁盘空间不足，无法进行此运行：其模型和检查点在 {1} 上约需 {0}，而可用空间为 {2}。请释放已完成运行的续训状态（alexnet-desktop runs free RUN）或删除运行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>The checkpoint of epoch {0} (the last one saved whole) and the best model are kept.</source>
      <translation>第 {0} 轮的检查点（最后一个完整保存的）和最佳模型已保留。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>No epoch had finished, so there is nothing to resume from.</source>
      <translation>尚无完成的轮次，因此没有可以继续的状态。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>The disk filled up while saving epoch {0}, so the run stopped. {1} Free some space (alexnet-desktop runs free or delete), then resume it</source>
      <translation>保存第 {0} 轮时磁盘已满，运行已停止。{1}请释放一些空间（alexnet-desktop runs free 或 delete），然后继续训练</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>{0}: not a run folder (it has no run.json)</source>
      <translation>{0}：不是运行文件夹（其中没有 run.json）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>{0}: no such run (neither a run folder nor a run in {1})</source>
      <translation>{0}：没有这个运行（既不是运行文件夹，也不是 {1} 中的运行）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/run_space.py" />
      <source>runs</source>
      <translation>个运行</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Adam: a safe default for training from scratch (1e-4 to 1e-3)</source>
      <translation>Adam：从头训练的稳妥默认选择（1e-4 到 1e-3）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>SGD with momentum: the paper's choice (0.01, momentum 0.9, weight decay 5e-4)</source>
      <translation>带动量的 SGD：论文的选择（0.01，动量 0.9，权重衰减 5e-4）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>RMSprop: seed 003's choice (1e-3)</source>
      <translation>RMSprop：种子教程 003 的选择（1e-3）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>the same learning rate throughout</source>
      <translation>始终使用相同的学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>multiplied by the factor every N epochs</source>
      <translation>每 N 轮乘以系数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>falls along a half cosine to zero at the last epoch</source>
      <translation>沿半个余弦曲线下降，到最后一轮降为零</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>multiplied by the factor when the validation loss has not improved for the patience (the paper's rule)</source>
      <translation>验证损失在“耐心”轮数内没有改善时乘以系数（论文的规则）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>How many passes over the training images</source>
      <translation>遍历训练图像的次数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>epochs must be from {1} to {2}, not {0}</source>
      <translation>轮数必须在 {1} 到 {2} 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Epochs:</source>
      <translation>轮数：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Images per training step; lower it if memory runs out</source>
      <translation>每个训练步骤的图像数；内存不足时请调低</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>batch size must be from {1} to {2}, not {0}</source>
      <translation>批大小必须在 {1} 到 {2} 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Batch size:</source>
      <translation>批大小：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>The optimizer: how the weights are updated</source>
      <translation>优化器：权重如何更新</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>unknown optimizer {0!r} (choose from {3})</source>
      <translation>未知的优化器 {0!r}（可选：{3}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Optimizer:</source>
      <translation>优化器：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Step size of the optimizer (1e-4 to 1e-3 suits Adam; 1e-2 suits SGD)</source>
      <translation>优化器的步长（Adam 适合 1e-4 到 1e-3；SGD 适合 1e-2）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>learning rate must be above 0 and at most {2}, not {0}</source>
      <translation>学习率必须大于 0 且不超过 {2}，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Learning rate:</source>
      <translation>学习率：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>SGD's momentum (0.9 in the paper; 0 is plain SGD)</source>
      <translation>SGD 的动量（论文中为 0.9；0 即普通 SGD）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>momentum must be in [0, 1), not {0}</source>
      <translation>动量必须在 [0, 1) 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Momentum:</source>
      <translation>动量：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Shrinks the weights a little every step (the paper: 0.0005); 0 turns it off</source>
      <translation>每一步都让权重稍稍缩小（论文：0.0005）；0 表示关闭</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>weight decay must be in [0, 1), not {0}</source>
      <translation>权重衰减必须在 [0, 1) 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Weight decay:</source>
      <translation>权重衰减：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>How the learning rate changes during the run</source>
      <translation>训练过程中学习率如何变化</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>unknown learning-rate schedule {0!r} (choose from {3})</source>
      <translation>未知的学习率调度 {0!r}（可选：{3}）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Schedule:</source>
      <translation>学习率调度：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Epochs between two reductions of the learning rate</source>
      <translation>两次降低学习率之间的轮数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>the step schedule needs at least 1 epoch between steps, not {0}</source>
      <translation>阶梯调度两步之间至少需要 1 轮，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Every (epochs):</source>
      <translation>间隔（轮）：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>What the learning rate is multiplied by at each reduction</source>
      <translation>每次降低时学习率所乘的系数</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>the learning-rate factor must be between 0 and 1, not {0}</source>
      <translation>学习率系数必须在 0 和 1 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Factor:</source>
      <translation>系数：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Epochs without a better validation loss before the rate is reduced</source>
      <translation>验证损失多少轮没有改善后降低学习率</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>the plateau patience must be at least 1 epoch, not {0}</source>
      <translation>平台期耐心至少为 1 轮，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Patience (epochs):</source>
      <translation>耐心（轮）：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Images are resized to this square size; smaller trains much faster on a CPU</source>
      <translation>图像会缩放为此边长的正方形；尺寸越小，在 CPU 上训练越快</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>image size must be from {1} to {2}, not {0}</source>
      <translation>图像尺寸必须在 {1} 到 {2} 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Input size:</source>
      <translation>输入尺寸：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source> px</source>
      <translation> 像素</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>How an image that is not square becomes the square input: stretched (as the seeds do; shapes get distorted), its centre square cropped (the edges are lost), or the whole image padded with black bars. Predicting, evaluating and exporting with the run do the same.</source>
      <translation>非正方形图像如何变为正方形输入：拉伸（与种子项目相同；形状会变形）、裁剪中心正方形（边缘会丢失），或以黑边填充整幅图像。用该运行预测、评估和导出时采用同样的方式。</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>resize must be one of {3}, not {0!r}</source>
      <translation>缩放方式必须是 {3} 之一，而不是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Keep the shape:</source>
      <translation>保持形状：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>stretch to a square</source>
      <translation>拉伸为正方形</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>crop the centre square</source>
      <translation>裁剪中心正方形</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>pad to a square</source>
      <translation>填充为正方形</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>validation split must be in [0, 1), not {0}</source>
      <translation>验证划分比例必须在 [0, 1) 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>validation source must be 'split' or 'test', not {0!r}</source>
      <translation>验证来源必须是 'split' 或 'test'，而不是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Stop when validation accuracy has not improved for this many epochs (0: never)</source>
      <translation>验证准确率连续这么多轮没有提高时停止（0：从不）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>early-stopping patience must be from 0 (off) to {2}, not {0}</source>
      <translation>提前停止的耐心值必须在 0（关闭）到 {2} 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Early stopping:</source>
      <translation>提前停止：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source> epochs without a better score</source>
      <translation> 轮无改善</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>never</source>
      <translation>从不</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>float16 arithmetic with float32 weights: about twice as fast on NVIDIA GPUs since Volta, no faster on a CPU</source>
      <translation>以 float16 计算、float32 保存权重：在 Volta 及以后的 NVIDIA GPU 上约快一倍，在 CPU 上不会更快</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>mixed precision must be one of {3}</source>
      <translation>混合精度必须是 {3} 之一</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Mixed precision:</source>
      <translation>混合精度：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>auto (on GPUs with tensor cores)</source>
      <translation>自动（在有 Tensor Core 的 GPU 上开启）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>on</source>
      <translation>开</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>off</source>
      <translation>关</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>no runs folder given</source>
      <translation>没有指定运行记录文件夹</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>steps per epoch must be from {1} to {2}, not {0}</source>
      <translation>每轮步数必须在 {1} 到 {2} 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>For unbalanced classes: balanced weighs each class's images by how rare the class is in the training images, so a class with few images is not drowned out</source>
      <translation>用于类别不均衡：均衡模式按类别在训练图像中的稀少程度为其图像加权，使图像少的类别不被淹没</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>class weight must be one of {3}, not {0!r}</source>
      <translation>类别权重必须是 {3} 之一，而不是 {0!r}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Class weights:</source>
      <translation>类别权重：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>none: every image counts once</source>
      <translation>无：每张图像计一次</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>balanced: every class counts the same</source>
      <translation>均衡：每个类别权重相同</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Fixes the split, the shuffling and the initial weights, so a run can be repeated</source>
      <translation>固定数据划分、打乱顺序和初始权重，使运行可以重现</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>Seed:</source>
      <translation>随机种子：</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>freeze epochs must be from {1} to {2}, not {0}</source>
      <translation>冻结轮数必须在 {1} 到 {2} 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>backbone frozen epochs must be from {1} to {2}, not {0}</source>
      <translation>骨干网络冻结轮数必须在 {1} 到 {2} 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>the fine-tuning factor must be in (0, 1], not {0}</source>
      <translation>微调系数必须在 (0, 1] 之内，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>the confidence threshold must be in (0, 1], not {0}</source>
      <translation>置信度阈值必须在 (0, 1] 之间，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/settings.py" />
      <source>unlabelled images per labelled one must be at least 1, not {0}</source>
      <translation>每张已标注图像对应的未标注图像数至少为 1，而不是 {0}</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/start_from.py" />
      <source>{0}: no such run folder or model file to start from</source>
      <translation>{0}：没有这个可作为起点的训练文件夹或模型文件</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/start_from.py" />
      <source>{0}: the run has no {1} to start from (it did not finish an epoch)</source>
      <translation>{0}：该训练没有可作为起点的 {1}（它未完成任何一轮）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/start_from.py" />
      <source>{0}: it is a {1} run and this run trains {2}; start from a run of the same architecture</source>
      <translation>{0}：它是 {1} 的训练，而本次训练的是 {2}；请从相同架构的训练开始</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/start_from.py" />
      <source>{0}: it takes {1}x{1} images and this run {2}x{2}; give --arch {3} --image-size {1} (or start from a model of this size)</source>
      <translation>{0}：它接受 {1}x{1} 的图像，而本次运行为 {2}x{2}；请给出 --arch {3} --image-size {1}（或从此尺寸的模型开始）</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/start_from.py" />
      <source>{0}: its layers ({1}) are not those of {2} at {3}x{3} ({4}); start from a model of the same architecture</source>
      <translation>{0}：它的层（{1}）与 {3}x{3} 的 {2}（{4}）不同；请从相同架构的模型开始</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/start_from.py" />
      <source>{0}, {1} weighted layers</source>
      <translation>{0}，{1} 个带权重的层</translation>
    </message>
    <message>
      <location filename="../../alexnet_desktop/core/training/worker_process.py" />
      <source>the worker process ended (status {0}) without finishing the run</source>
      <translation>工作进程已结束（状态 {0}），但运行未完成</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}:{1}: unpacks to {2:,} MB, far beyond any CIFAR-10 file (an archive bomb?); not read</source>
      <translation>{0}:{1}：解压后为 {2:,} MB，远超任何 CIFAR-10 文件（压缩炸弹？）；未读取</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: cannot read the archive ({1})</source>
      <translation>{0}：无法读取压缩包（{1}）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: decompresses to more than {1:,} bytes, more than its header says or any MNIST file holds (a gzip bomb?); not read further</source>
      <translation>{0}：解压后超过 {1:,} 字节，超出其文件头所述或任何 MNIST 文件的大小（gzip 炸弹？）；不再继续读取</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: cannot decompress (truncated)</source>
      <translation>{0}：无法解压（文件被截断）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: cannot decompress ({1})</source>
      <translation>{0}：无法解压（{1}）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: label {1} but only {2} class names</source>
      <translation>{0}：标签为 {1}，但只有 {2} 个类别名称</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: not a CIFAR-10 python batch ({1})</source>
      <translation>{0}：不是 CIFAR-10 的 Python 批次文件（{1}）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: expected N x 3072 pixel rows and N labels, found {1} and {2}</source>
      <translation>{0}：应为 N x 3072 的像素行和 N 个标签，实际为 {1} 和 {2}</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: {1} bytes is not a whole number of 3073-byte CIFAR-10 records</source>
      <translation>{0}：{1} 字节不是整数个 3073 字节的 CIFAR-10 记录</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: its header says {1:,} bytes of pixels, far beyond any MNIST file; not read</source>
      <translation>{0}：其文件头声称有 {1:,} 字节像素，远超任何 MNIST 文件；未读取</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: not an idx file of unsigned bytes with {1} dimension(s)</source>
      <translation>{0}：不是 {1} 维无符号字节的 idx 文件</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: header says {1} but the file holds {2} values (truncated?)</source>
      <translation>{0}：文件头表明为 {1}，但文件只含 {2} 个值（被截断？）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>no MNIST training files (train-images-idx3-ubyte and train-labels-idx1-ubyte)</source>
      <translation>没有 MNIST 训练文件（train-images-idx3-ubyte 和 train-labels-idx1-ubyte）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: {1} images but {2} labels</source>
      <translation>{0}：{1} 张图像，但有 {2} 个标签</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: label {1} is not a digit</source>
      <translation>{0}：标签 {1} 不是数字</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>images unpacked from {0} into {1}</source>
      <translation>图像已从 {0} 解包到 {1}</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: no CIFAR-10 batches found (data_batch_1..5 and test_batch, or the .tar.gz)</source>
      <translation>{0}：未找到 CIFAR-10 批次文件（data_batch_1..5 和 test_batch，或 .tar.gz）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: the archive holds no CIFAR-10 batches</source>
      <translation>{0}：压缩包中没有 CIFAR-10 批次文件</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: cannot read the class names ({1})</source>
      <translation>{0}：无法读取类别名称（{1}）</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: class name(s) unfit for a folder name: {1}</source>
      <translation>{0}：类别名称不适合作为文件夹名：{1}</translation>
    </message>
    <message>
      <location filename="../../plugins/array_datasets.py" />
      <source>{0}: no MNIST idx files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz])</source>
      <translation>{0}：没有 MNIST idx 文件（train-images-idx3-ubyte[.gz]、train-labels-idx1-ubyte[.gz]）</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: no .csv file in this folder</source>
      <translation>{0}：此文件夹中没有 .csv 文件</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: several CSV files ({1}); choose one in the CSV file option</source>
      <translation>{0}：有多个 CSV 文件（{1}）；请在“CSV 文件”选项中选择一个</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: no column {1!r} (columns: {2})</source>
      <translation>{0}：没有 {1!r} 列（现有列：{2}）</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: cannot tell which column holds the {1} (columns: {2}); set it in the options</source>
      <translation>{0}：无法判断哪一列是{1}（现有列：{2}）；请在选项中设置</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: {1:,} bytes is too large for a list of images</source>
      <translation>{0}：{1:,} 字节，作为图像列表太大了</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: not a UTF-8 text file</source>
      <translation>{0}：不是 UTF-8 文本文件</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: expected a header row with a file column and a label column, separated by commas, semicolons or tabs; the first line is {1!r}</source>
      <translation>{0}：应有一行表头，含文件列和标签列，以逗号、分号或制表符分隔；第一行是 {1!r}</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>file names</source>
      <translation>文件名</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>labels</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>row {0}: no file name</source>
      <translation>第 {0} 行：没有文件名</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>row {0} of {1}: empty label</source>
      <translation>{1} 第 {0} 行：标签为空</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>row {0} of {1}: listed but not found</source>
      <translation>{1} 第 {0} 行：列出了但找不到</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>row {0} of {1}: labelled {2!r} here but {3!r} earlier</source>
      <translation>{1} 第 {0} 行：此处标为 {2!r}，但前面标为 {3!r}</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0}: none of the listed files was found under {1}</source>
      <translation>{0}：列出的文件在 {1} 下一个都没有找到</translation>
    </message>
    <message>
      <location filename="../../plugins/csv_list.py" />
      <source>{0} row(s) list a file a second time with the same label</source>
      <translation>{0} 行以相同标签重复列出了同一文件</translation>
    </message>
    <message>
      <location filename="../../plugins/demo_shapes.py" />
      <source>no demo class {0!r}</source>
      <translation>没有演示类别 {0!r}</translation>
    </message>
    <message>
      <location filename="../../plugins/exporters.py" />
      <source>ONNX export needs the {0} package(s): pip install onnx tf2onnx</source>
      <translation>导出 ONNX 需要 {0} 软件包：pip install onnx tf2onnx</translation>
    </message>
    <message>
      <location filename="../../plugins/exporters.py" />
      <source>this model cannot be exported to ONNX: its grouped convolutions ({0}) have no ONNX translation in the converter. Export it as a SavedModel or TFLite instead</source>
      <translation>此模型无法导出为 ONNX：转换器无法翻译其分组卷积（{0}）。请改为导出 SavedModel 或 TFLite</translation>
    </message>
    <message>
      <location filename="../../plugins/exporters.py" />
      <source>this model cannot be exported to ONNX: the converter left TensorFlow operations that ONNX does not have{0}; grouped convolutions (the published AlexNet's) are the usual cause. Export it as a SavedModel or TFLite instead. ({1})</source>
      <translation>此模型无法导出为 ONNX：转换器留下了 ONNX 没有的 TensorFlow 运算{0}；通常是分组卷积（已发表的 AlexNet 所用）导致的。请改为导出 SavedModel 或 TFLite。（{1}）</translation>
    </message>
    <message>
      <location filename="../../plugins/filename_labels.py" />
      <source>ambiguous name: no label before the number (expected e.g. cat.123.jpg)</source>
      <translation>名称有歧义：数字前没有标签（应为 cat.123.jpg 这样的名称）</translation>
    </message>
    <message>
      <location filename="../../plugins/filename_labels.py" />
      <source>labels {0} differ only in case: one class {1!r}</source>
      <translation>标签 {0} 只有大小写不同：合为一个类别 {1!r}</translation>
    </message>
    <message>
      <location filename="../../plugins/filename_labels.py" />
      <source>{0}: no file names with a label (expected names such as cat.123.jpg)</source>
      <translation>{0}：没有带标签的文件名（应为 cat.123.jpg 这样的名称）</translation>
    </message>
    <message>
      <location filename="../../plugins/flowers17.py" />
      <source>not one of Flowers-17's image_0001.jpg .. image_{0:04d}.jpg</source>
      <translation>不属于 Flowers-17 的 image_0001.jpg .. image_{0:04d}.jpg</translation>
    </message>
    <message>
      <location filename="../../plugins/flowers17.py" />
      <source>{0}: no Flowers-17 images (image_0001.jpg .. image_{1:04d}.jpg) found</source>
      <translation>{0}：未找到 Flowers-17 图像（image_0001.jpg .. image_{1:04d}.jpg）</translation>
    </message>
    <message>
      <location filename="../../plugins/flowers17.py" />
      <source>{0} of the {1} Flowers-17 images are missing</source>
      <translation>{1} 张 Flowers-17 图像中缺少 {0} 张</translation>
    </message>
    <message>
      <source>constant</source>
      <translation>恒定</translation>
    </message>
    <message>
      <source>step</source>
      <translation>阶梯</translation>
    </message>
    <message>
      <source>cosine</source>
      <translation>余弦</translation>
    </message>
    <message>
      <source>plateau</source>
      <translation>停滞时降低</translation>
    </message>
  </context>
  <context>
    <name>plugins</name>
    <message>
      <source>CIFAR-10 files</source>
      <translation>CIFAR-10 文件</translation>
    </message>
    <message>
      <source>CIFAR-10 as distributed (seed 003): the python or binary batches, or their .tar.gz. The 60,000 32x32 images are unpacked once into the workspace; the test batch is the test set.</source>
      <translation>官方发布的 CIFAR-10（种子教程 003）：python 或二进制批文件，或其 .tar.gz。60,000 张 32x32 图像只会解包一次到工作区；测试批即测试集。</translation>
    </message>
    <message>
      <source>CSV list of images</source>
      <translation>图像的 CSV 列表</translation>
    </message>
    <message>
      <source>A CSV file with a header, one row per image: its file name and its label (seed 001's imageName,label data frame). Paths are relative to the CSV's folder.</source>
      <translation>一个带表头的 CSV 文件，每行一张图像：文件名及其标签（即种子教程 001 中 imageName,label 的数据表）。路径相对于 CSV 所在的文件夹。</translation>
    </message>
    <message>
      <source>CSV file</source>
      <translation>CSV 文件</translation>
    </message>
    <message>
      <source>The CSV file (empty: the only .csv in the chosen folder).</source>
      <translation>CSV 文件（留空：所选文件夹中唯一的 .csv）。</translation>
    </message>
    <message>
      <source>Path column</source>
      <translation>路径列</translation>
    </message>
    <message>
      <source>The column with the file names (empty: imageName, filename, path...).</source>
      <translation>包含文件名的列（留空：imageName、filename、path 等）。</translation>
    </message>
    <message>
      <source>Label column</source>
      <translation>标签列</translation>
    </message>
    <message>
      <source>The column with the labels (empty: label, class, category...).</source>
      <translation>包含标签的列（留空：label、class、category 等）。</translation>
    </message>
    <message>
      <source>Image root</source>
      <translation>图像根目录</translation>
    </message>
    <message>
      <source>The folder the file names are relative to (empty: the CSV's folder, or its one sub-folder that holds the listed files).</source>
      <translation>文件名所相对的文件夹（留空：CSV 所在的文件夹，或其中存放所列文件的那个子文件夹）。</translation>
    </message>
    <message>
      <source>Demo: shapes</source>
      <translation>演示：形状</translation>
    </message>
    <message>
      <source>Built-in demo data: 4 classes (circles, squares, stripes, triangles) of 60 generated 128x128 images each, written into the workspace on first use.</source>
      <translation>内置演示数据：4 个类别（圆形、方形、条纹、三角形），每类 60 张生成的 128x128 图像，首次使用时写入工作区。</translation>
    </message>
    <message>
      <source>Labels in file names</source>
      <translation>文件名中的标签</translation>
    </message>
    <message>
      <source>One folder of images whose names start with their class, as in Kaggle's cats vs dogs (seed 001): cat.123.jpg is a cat. The label is the text before the first dot, or before a trailing number; names with no label are listed.</source>
      <translation>一个图像文件夹，文件名以类别开头，如 Kaggle 的猫狗数据集（种子教程 001）：cat.123.jpg 是猫。标签是第一个点之前、或末尾数字之前的文字；没有标签的文件名会被列出。</translation>
    </message>
    <message>
      <source>Case sensitive</source>
      <translation>区分大小写</translation>
    </message>
    <message>
      <source>Treat Cat and cat as different classes.</source>
      <translation>把 Cat 和 cat 视为不同类别。</translation>
    </message>
    <message>
      <source>Recursive</source>
      <translation>递归</translation>
    </message>
    <message>
      <source>Also take images from folders inside this one.</source>
      <translation>同时使用此文件夹内各子文件夹中的图像。</translation>
    </message>
    <message>
      <source>Oxford Flowers-17</source>
      <translation>Oxford Flowers-17</translation>
    </message>
    <message>
      <source>The 17 Category Flower Dataset (seed 004): jpg/image_0001.jpg .. image_1360.jpg, 80 images per class in order, labelled with the 17 flower names.</source>
      <translation>17 类花卉数据集（种子教程 004）：jpg/image_0001.jpg 至 image_1360.jpg，按顺序每类 80 张，以 17 种花名标注。</translation>
    </message>
    <message>
      <source>Folder per class</source>
      <translation>每类一个文件夹</translation>
    </message>
    <message>
      <source>Each sub-folder is a class and holds that class's images, as in seed 000's Intel scenes. A folder holding train/test parts (seg_train, seg_test) is split that way; an unlabelled part (seg_pred) is left for the Predict page.</source>
      <translation>每个子文件夹是一个类别，存放该类别的图像，如种子教程 000 的 Intel 场景数据集。含有训练/测试部分（seg_train、seg_test）的文件夹按此划分；未标注的部分（seg_pred）留给“预测”页。</translation>
    </message>
    <message>
      <source>Also take images from folders inside each class folder.</source>
      <translation>同时使用各类别文件夹内子文件夹中的图像。</translation>
    </message>
    <message>
      <source>Test folder</source>
      <translation>测试文件夹</translation>
    </message>
    <message>
      <source>A separate folder of the same layout held out as the test set (empty: a test/seg_test part, if any).</source>
      <translation>一个组织方式相同、单独留作测试集的文件夹（留空：使用 test/seg_test 部分，如果有）。</translation>
    </message>
    <message>
      <source>MNIST idx files</source>
      <translation>MNIST idx 文件</translation>
    </message>
    <message>
      <source>MNIST (or Fashion-MNIST) idx files, gzipped or not (seed 003). The images are unpacked once into the workspace; t10k is the test set. Classes are the digits 0-9.</source>
      <translation>MNIST（或 Fashion-MNIST）idx 文件，可为 gzip 压缩（种子教程 003）。图像只会解包一次到工作区；t10k 为测试集。类别为数字 0-9。</translation>
    </message>
    <message>
      <source>AlexNet (2012, as published)</source>
      <translation>AlexNet（2012，原版）</translation>
    </message>
    <message>
      <source>The network of the paper: five convolutions, local response normalisation after the first two, overlapping pooling, convolutions 2, 4 and 5 split in two groups as on the paper's two GPUs, and two dense 4096 layers with dropout. Trains slowly from scratch; SGD with momentum and learning rate 0.01 is the paper's recipe.</source>
      <translation>论文中的网络：五个卷积层，前两个之后接局部响应归一化，重叠池化，第 2、4、5 个卷积层像论文中的两块 GPU 那样分成两组，以及两个带 dropout 的 4096 维全连接层。从头训练较慢；论文的做法是带动量的 SGD，学习率 0.01。</translation>
    </message>
    <message>
      <source>the paper: SGD 0.01, momentum 0.9, weight decay 5e-4, batch 128, ÷10 on plateau, 90 epochs</source>
      <translation>论文：SGD 0.01，动量 0.9，权重衰减 5e-4，批大小 128，停滞时 ÷10，90 轮</translation>
    </message>
    <message>
      <source>AlexNet + batch norm (seed 000)</source>
      <translation>AlexNet + 批归一化（种子教程 000）</translation>
    </message>
    <message>
      <source>The five convolutions and three dense layers of AlexNet, with batch normalisation after every convolution instead of local response normalisation, and no dropout. Trains quickly and steadily from scratch; the model of the Intel scenes tutorial.</source>
      <translation>AlexNet 的五个卷积层和三个全连接层，每个卷积层之后用批归一化代替局部响应归一化，不用 dropout。从头训练又快又稳；即 Intel 场景教程中的模型。</translation>
    </message>
    <message>
      <source>seed 000: Adam (Keras' default rate), batch 32, 50 epochs</source>
      <translation>种子教程 000：Adam（Keras 默认学习率），批大小 32，50 轮</translation>
    </message>
    <message>
      <source>AlexNet + batch norm + dropout (seed 004)</source>
      <translation>AlexNet + 批归一化 + dropout（种子教程 004）</translation>
    </message>
    <message>
      <source>AlexNet with its input normalised, batch normalisation after every layer and dropout 0.4 between the dense layers: the Flowers-17 tutorial's model, built to fight overfitting on small datasets (80 images a class).</source>
      <translation>输入经过归一化、每层之后都有批归一化、全连接层之间 dropout 0.4 的 AlexNet：Flowers-17 教程中的模型，用来对抗小数据集（每类 80 张）上的过拟合。</translation>
    </message>
    <message>
      <source>seed 004: Adam (Keras' default rate), batch 64, 250 epochs</source>
      <translation>种子教程 004：Adam（Keras 默认学习率），批大小 64，250 轮</translation>
    </message>
    <message>
      <source>AlexNet + dropout (seed 001)</source>
      <translation>AlexNet + dropout（种子教程 001）</translation>
    </message>
    <message>
      <source>AlexNet without groups or response normalisation, with one batch normalisation after the second pool and dropout 0.5 after each dense layer: the cats-vs-dogs tutorial's model.</source>
      <translation>不分组、不用响应归一化的 AlexNet，在第二个池化层之后有一个批归一化，每个全连接层之后 dropout 0.5：即猫狗教程中的模型。</translation>
    </message>
    <message>
      <source>seed 001: plain SGD at 0.001, batch 32, 100 epochs</source>
      <translation>种子教程 001：普通 SGD，学习率 0.001，批大小 32，100 轮</translation>
    </message>
    <message>
      <source>EfficientNetV2-B0 (ImageNet backbone)</source>
      <translation>EfficientNetV2-B0（ImageNet 主干网络）</translation>
    </message>
    <message>
      <source>EfficientNetV2's smallest: 6 million backbone parameters, accurate for its size.</source>
      <translation>EfficientNetV2 中最小的一个：主干网络 600 万个参数，就其大小而言很准确。</translation>
    </message>
    <message>
      <source>MobileNetV3-Large (ImageNet backbone)</source>
      <translation>MobileNetV3-Large（ImageNet 主干网络）</translation>
    </message>
    <message>
      <source>The larger MobileNetV3: 3 million backbone parameters, a good default on a laptop.</source>
      <translation>较大的 MobileNetV3：主干网络 300 万个参数，在笔记本电脑上是不错的默认选择。</translation>
    </message>
    <message>
      <source>MobileNetV3-Small (ImageNet backbone)</source>
      <translation>MobileNetV3-Small（ImageNet 主干网络）</translation>
    </message>
    <message>
      <source>Google's small phone network: 0.9 million backbone parameters, fast on any CPU.</source>
      <translation>谷歌面向手机的小型网络：主干网络 90 万个参数，在任何 CPU 上都很快。</translation>
    </message>
    <message>
      <source>ResNet50 (ImageNet backbone)</source>
      <translation>ResNet50（ImageNet 主干网络）</translation>
    </message>
    <message>
      <source>The classic 50-layer residual network: 23 million backbone parameters; slow on a CPU.</source>
      <translation>经典的 50 层残差网络：主干网络 2300 万个参数；在 CPU 上较慢。</translation>
    </message>
    <message>
      <source>Small CNN for 32x32 images (seed 003)</source>
      <translation>适用于 32x32 图像的小型 CNN（种子教程 003）</translation>
    </message>
    <message>
      <source>Six 3x3 convolutions in three pooled blocks, dropout 0.25 and 0.5, one dense 512 layer: 276 thousand parameters instead of AlexNet's 58 million. Made for CIFAR-10 and MNIST-sized images; an epoch of CIFAR-10 takes about a minute on a laptop CPU.</source>
      <translation>三个带池化的模块中共六个 3x3 卷积层，dropout 0.25 和 0.5，一个 512 维全连接层：27.6 万个参数，而 AlexNet 有 5800 万个。为 CIFAR-10 和 MNIST 大小的图像而设计；在笔记本 CPU 上 CIFAR-10 的一轮约需一分钟。</translation>
    </message>
    <message>
      <source>seed 003: RMSprop (Keras' default rate), batch 256, 100 epochs</source>
      <translation>种子教程 003：RMSprop（Keras 默认学习率），批大小 256，100 轮</translation>
    </message>
    <message>
      <source>Keras model (.keras)</source>
      <translation>Keras 模型 (.keras)</translation>
    </message>
    <message>
      <source>ONNX (.onnx)</source>
      <translation>ONNX (.onnx)</translation>
    </message>
    <message>
      <source>TensorFlow SavedModel (folder)</source>
      <translation>TensorFlow SavedModel（文件夹）</translation>
    </message>
    <message>
      <source>TensorFlow Lite, float (.tflite)</source>
      <translation>TensorFlow Lite，浮点 (.tflite)</translation>
    </message>
    <message>
      <source>TensorFlow Lite, 8-bit weights (.tflite)</source>
      <translation>TensorFlow Lite，8 位权重 (.tflite)</translation>
    </message>
  </context>
</TS>
